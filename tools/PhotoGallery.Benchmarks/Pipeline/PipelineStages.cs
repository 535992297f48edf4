using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using PhotoGallery.Core.Photos;
using PhotoGallery.Core.Storage;

namespace PhotoGallery.Benchmarks.Pipeline;

/// <summary>
/// A stopwatch breakdown of the upload pipeline, one photo at a time: the steps of <see cref="PhotoImporter.ImportAsync"/>
/// redone here with the same public pieces (store, image processor, context factory) and the same copy+hash loop,
/// each timed. A mirror for profiling, not the measured pipeline itself.
/// </summary>
public static class PipelineStages
{
    public static readonly string[] Names = ["copy+hash", "inspect (header, EXIF)", "duplicate query", "decode+encode ‖ fsync of the original", "write thumb+preview", "commit file+row"];

    public static async Task<Dictionary<string, double>> MeasureAsync(PipelineHost host, IReadOnlyList<string> files, CancellationToken cancellationToken)
    {
        var totals = Names.ToDictionary(n => n, _ => 0.0);
        foreach (var file in files)
        {
            var clock = Stopwatch.StartNew();
            void Lap(string stage)
            {
                totals[stage] += clock.Elapsed.TotalMilliseconds;
                clock.Restart();
            }

            var temp = host.Store.CreateIncomingTempFile();
            string hash;
            long size;
            await using (var source = File.OpenRead(file))
            {
                (size, hash) = await PhotoIngest.CopyAndHashAsync(source, temp, long.MaxValue, cancellationToken);
            }

            Lap(Names[0]);
            var inspection = await host.Images.InspectAsync(temp, Path.GetFileName(file), cancellationToken);
            Lap(Names[1]);
            await using (var db = await host.Database.CreateDbContextAsync(cancellationToken))
            {
                _ = await db.Photos.AsNoTracking().Where(p => p.ContentHash == hash).OrderBy(p => p.DeletedAt != null)
                    .Select(p => new { p.Id, p.DeletedAt }).FirstOrDefaultAsync(cancellationToken);
            }

            Lap(Names[2]);
            var render = host.Images.RenderAsync(temp, inspection, cancellationToken);
            var flush = Task.Run(() =>
            {
                using var durable = new FileStream(temp, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
                durable.Flush(flushToDisk: true);
            }, CancellationToken.None);
            await Task.WhenAll(render, flush);
            var renditions = await render;
            Lap(Names[3]);
            var now = DateTime.UtcNow;
            var id = Guid.CreateVersion7();
            var original = StoragePaths.UploadedOriginal(id, DateOnly.FromDateTime(inspection.TakenAt ?? now), inspection.Extension);
            var thumbnail = StoragePaths.ThumbnailOf(original);
            var preview = StoragePaths.PreviewOf(original, renditions.PreviewExtension);
            await host.Store.WriteAtomicallyAsync(thumbnail, new MemoryStream(renditions.Thumbnail), cancellationToken);
            await host.Store.WriteAtomicallyAsync(preview, new MemoryStream(renditions.Preview), cancellationToken);
            Lap(Names[4]);
            host.Store.CommitTempFile(temp, original);
            await using (var db = await host.Database.CreateDbContextAsync(cancellationToken))
            {
                db.Photos.Add(new Photo
                {
                    Id = id, OriginalFileName = Path.GetFileName(file), StoredPath = original, ThumbnailPath = thumbnail, PreviewPath = preview,
                    Width = inspection.DisplayWidth, Height = inspection.DisplayHeight, ByteSize = size, MimeType = inspection.MimeType,
                    ContentHash = hash, TakenAt = inspection.TakenAt, CreatedAt = now, SortKey = inspection.TakenAt ?? now,
                });
                await db.SaveChangesAsync(cancellationToken);
            }

            Lap(Names[5]);
        }

        return totals.ToDictionary(t => t.Key, t => t.Value / files.Count);
    }
}
