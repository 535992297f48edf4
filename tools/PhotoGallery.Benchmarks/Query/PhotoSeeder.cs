using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Photos;

namespace PhotoGallery.Benchmarks.Query;

/// <summary>
/// Bulk-inserts a realistic library through EF Core in batches: photos added over about a year, most with a taken-at
/// up to three years before the upload (so sort key and insertion order differ), 1 in 33 in Trash, 1 in 5 generated.
/// </summary>
public static class PhotoSeeder
{
    private const int Batch = 5_000;

    /// <summary>Returns (rows, live rows, seconds).</summary>
    public static async Task<(int Rows, int Live, double Seconds)> SeedAsync(IDbContextFactory<GalleryDbContext> contexts, int rows, CancellationToken cancellationToken)
    {
        var random = new Random(42);
        var start = new DateTime(2025, 11, 1, 8, 0, 0, DateTimeKind.Utc);
        var hash = new byte[32];
        var live = 0;
        var clock = Stopwatch.StartNew();
        for (var first = 0; first < rows; first += Batch)
        {
            await using var db = await contexts.CreateDbContextAsync(cancellationToken);
            db.ChangeTracker.AutoDetectChangesEnabled = false;
            for (var i = first; i < Math.Min(rows, first + Batch); i++)
            {
                var createdAt = start.AddSeconds(i * 300 + random.Next(300));
                DateTime? takenAt = random.Next(100) < 85 ? createdAt.AddSeconds(-random.NextDouble() * 3 * 365 * 86400) : null;
                var generated = i % 5 == 0;
                var trashed = i % 33 == 0;
                live += trashed ? 0 : 1;
                random.NextBytes(hash);
                var id = Guid.CreateVersion7(createdAt);
                var stored = $"photos/uploaded/{createdAt:yyyy/MM/dd}/{id:N}.jpg";
                db.Photos.Add(new Photo
                {
                    Id = id,
                    OriginalFileName = generated ? $"invokeai-{i:000000}.png" : $"IMG_{i % 10000:0000}.jpg",
                    StoredPath = stored,
                    ThumbnailPath = stored.Replace("photos/uploaded/", "photos/thumbnails/", StringComparison.Ordinal).Replace(".jpg", ".webp", StringComparison.Ordinal),
                    PreviewPath = stored.Replace("photos/uploaded/", "photos/previews/", StringComparison.Ordinal),
                    Width = 4000,
                    Height = 3000,
                    ByteSize = 3_000_000 + random.Next(3_000_000),
                    MimeType = generated ? "image/png" : "image/jpeg",
                    ContentHash = Convert.ToHexStringLower(hash),
                    CameraMake = generated ? null : "Google",
                    CameraModel = generated ? null : "Pixel 8",
                    TakenAt = generated ? null : takenAt,
                    CreatedAt = createdAt,
                    SortKey = (generated ? null : takenAt) ?? createdAt,
                    DeletedAt = trashed ? createdAt.AddDays(1) : null,
                    IsGenerated = generated,
                    GenerationPrompt = generated ? "a lighthouse on a cliff at dusk, volumetric light, 35 mm" : null,
                });
            }

            await db.SaveChangesAsync(cancellationToken);
        }

        return (rows, live, clock.Elapsed.TotalSeconds);
    }
}
