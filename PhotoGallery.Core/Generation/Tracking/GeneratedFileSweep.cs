using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Storage;

namespace PhotoGallery.Core.Generation.Tracking;

/// <summary>
/// At start-up, before anything is retrieved: removes what a crash in the middle of storing a generated image left on
/// disk — files under the generated folders (originals, thumbnails, previews, selected/completed names) that no photo
/// row owns. A row only ever points at files that exist; this makes the reverse true too.
/// </summary>
public sealed class GeneratedFileSweep(IDbContextFactory<GalleryDbContext> dbFactory, IPhotoStore store, ILogger<GeneratedFileSweep> logger)
{
    private static readonly string[] Roots =
    [
        StoragePaths.Generated,
        StoragePaths.Thumbnails + "/generated",
        StoragePaths.Previews + "/generated",
    ];

    public async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var owned = (await db.Photos.AsNoTracking().Where(p => p.IsGenerated)
                .Select(p => new { p.Id, p.StoredPath, p.ThumbnailPath, p.PreviewPath, p.LinkedPaths })
                .ToListAsync(cancellationToken))
            .SelectMany(p => p.LinkedPaths.Append(p.StoredPath).Append(p.ThumbnailPath).Append(p.PreviewPath))
            .OfType<string>()
            .ToHashSet(StringComparer.Ordinal);

        var removed = 0;
        foreach (var root in Roots)
        {
            var folder = store.GetFullPath(root);
            if (!Directory.Exists(folder))
                continue;
            foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var relative = Path.GetRelativePath(store.Root, file).Replace(Path.DirectorySeparatorChar, '/');
                if (owned.Contains(relative) || relative.EndsWith(".pgtmp", StringComparison.Ordinal))
                    continue;   // temp files are the storage initializer's to remove
                store.Delete(relative);
                removed++;
            }
        }
        if (removed > 0)
            logger.LogWarning("Removed {FileCount} generated-image files left without a photo by an interrupted retrieval", removed);
        return removed;
    }
}
