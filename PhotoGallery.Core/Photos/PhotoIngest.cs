using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Imaging;
using PhotoGallery.Core.Storage;

namespace PhotoGallery.Core.Photos;

/// <summary>
/// The one path that turns bytes into a stored photo, for uploads and for images retrieved from InvokeAI alike: stream
/// to a temp file while hashing, validate (header only), optionally detect duplicates, decode once for thumbnail and
/// preview, write them atomically, move the original into place, write the row. A refused or failed file leaves
/// nothing behind: no row, no file, no thumbnail, no temp file.
/// </summary>
public sealed class PhotoIngest(
    IDbContextFactory<GalleryDbContext> dbFactory,
    IPhotoStore store,
    ImageProcessor images,
    IOptions<PhotoOptions> options,
    TimeProvider clock,
    ILogger<PhotoIngest> logger)
{
    // Duplicate check and insert are one step, so two uploads of the same bytes store one photo.
    private readonly SemaphoreSlim _commitGate = new(1, 1);

    public async Task<UploadOutcome> IngestAsync(Stream content, IngestRequest request, CancellationToken cancellationToken)
    {
        var name = request.FileName;
        var max = options.Value.MaxUploadSize;
        if (request.DeclaredSize > max)
            return UploadOutcome.Rejected(name, TooLarge(name, request.DeclaredSize.Value, max));
        if (await ExistingAsync(request.PhotoId, cancellationToken) is { } already)
            return already with { FileName = name };

        var temp = store.CreateIncomingTempFile();
        var written = new List<string>();
        try
        {
            var (size, hash) = await CopyAndHashAsync(content, temp, max, cancellationToken);
            if (size > max)
                return UploadOutcome.Rejected(name, TooLarge(name, size, max));
            if (size == 0)
                return UploadOutcome.Rejected(name, $"{name} is empty (0 bytes).");

            var inspection = await images.InspectAsync(temp, name, cancellationToken);
            if (request.Deduplicate && await FindDuplicateAsync(hash, cancellationToken) is { } existing)
                return existing with { FileName = name };

            var renditions = await RenderWhileFlushingAsync(temp, inspection, cancellationToken);
            var now = clock.GetUtcNow().UtcDateTime;
            var id = request.PhotoId;
            var original = request.OriginalPath(inspection, now);
            var thumbnail = StoragePaths.ThumbnailOf(original);
            var preview = StoragePaths.PreviewOf(original, renditions.PreviewExtension);

            await store.WriteAtomicallyAsync(thumbnail, new MemoryStream(renditions.Thumbnail), cancellationToken);
            written.Add(thumbnail);
            await store.WriteAtomicallyAsync(preview, new MemoryStream(renditions.Preview), cancellationToken);
            written.Add(preview);

            var photo = new Photo
            {
                Id = id,
                OriginalFileName = name,
                StoredPath = original,
                ThumbnailPath = thumbnail,
                PreviewPath = preview,
                Width = inspection.DisplayWidth,
                Height = inspection.DisplayHeight,
                ByteSize = size,
                MimeType = inspection.MimeType,
                ContentHash = hash,
                CameraMake = inspection.CameraMake,
                CameraModel = inspection.CameraModel,
                Orientation = inspection.Orientation,
                TakenAt = inspection.TakenAt,
                CreatedAt = now,
                SortKey = inspection.TakenAt ?? now,
            };
            request.Describe?.Invoke(photo);

            await _commitGate.WaitAsync(cancellationToken);
            try
            {
                if (request.Deduplicate && await FindDuplicateAsync(hash, cancellationToken) is { } raced)
                {
                    DeleteAll(written);
                    return raced with { FileName = name };
                }
                store.CommitTempFile(temp, original);
                written.Add(original);
                await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
                await using var transaction = await db.Database.BeginTransactionAsync(CancellationToken.None);
                db.Photos.Add(photo);
                await db.SaveChangesAsync(CancellationToken.None);
                if (request.InSameTransaction is { } alsoWrite)
                    await alsoWrite(db, CancellationToken.None);
                await transaction.CommitAsync(CancellationToken.None);
            }
            finally
            {
                _commitGate.Release();
            }

            logger.LogInformation("Stored {PhotoKind} {PhotoId} ({Width}×{Height}, {ByteSize} bytes)",
                photo.IsGenerated ? "generated image" : "upload", id, photo.Width, photo.Height, size);
            return UploadOutcome.Stored(name, id);
        }
        catch (ImageRejectedException ex)
        {
            DeleteAll(written);
            logger.LogInformation("Refused {FileExtension} file: {Reason}", Path.GetExtension(name), ex.Message);
            return UploadOutcome.Rejected(name, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            DeleteAll(written);
            logger.LogError(ex, "Storing a {FileExtension} file failed", Path.GetExtension(name));
            return new UploadOutcome(UploadStatus.Failed, name, null, $"{name} could not be stored because of an internal error; nothing was kept. Try again, and see the log if it happens again.");
        }
        catch (OperationCanceledException)
        {
            DeleteAll(written);
            throw;
        }
        finally
        {
            store.DeleteTempFile(temp);
        }
    }

    /// <summary>A photo already stored under this id (a retried retrieval that had finished): never a second row or file.</summary>
    private async Task<UploadOutcome?> ExistingAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Photos.AnyAsync(p => p.Id == id, cancellationToken)
            ? new UploadOutcome(UploadStatus.Duplicate, "", id, "Already stored.")
            : null;
    }

    private async Task<UploadOutcome?> FindDuplicateAsync(string hash, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var existing = await db.Photos.AsNoTracking().Where(p => p.ContentHash == hash)
            .OrderBy(p => p.DeletedAt != null).Select(p => new { p.Id, p.DeletedAt }).FirstOrDefaultAsync(cancellationToken);
        if (existing is null)
            return null;
        if (existing.DeletedAt is not null)
        {
            // The same bytes are in Trash: bring that photo back rather than keep two copies.
            await db.Photos.Where(p => p.Id == existing.Id).ExecuteUpdateAsync(s => s.SetProperty(p => p.DeletedAt, (DateTime?)null), cancellationToken);
            return new UploadOutcome(UploadStatus.Duplicate, "", existing.Id, "Already in the library (it was in Trash and has been restored).");
        }
        return new UploadOutcome(UploadStatus.Duplicate, "", existing.Id, "Already in the library.");
    }

    /// <summary>Copies to the temp file while hashing (80 KB buffer, SHA-256); stops reading past <paramref name="max"/>.</summary>
    public static async Task<(long Size, string Hash)> CopyAndHashAsync(Stream content, string temp, long max, CancellationToken cancellationToken)
    {
        using var sha = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        var buffer = new byte[81920];
        long size = 0;
        await using (var target = new FileStream(temp, FileMode.Truncate, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
        {
            int read;
            while ((read = await content.ReadAsync(buffer, cancellationToken)) > 0)
            {
                size += read;
                if (size > max)
                    return (size, "");
                sha.AppendData(buffer, 0, read);
                await target.WriteAsync(buffer.AsMemory(0, read), cancellationToken);
            }
            await target.FlushAsync(cancellationToken);
        }
        return (size, Convert.ToHexStringLower(sha.GetHashAndReset()));
    }

    /// <summary>
    /// Decodes while the original's bytes go to disk (fsync of a 4.5 MB photo: about 10 ms of the upload, otherwise
    /// waited for in series). Both end before the file is moved into place, so a stored original is as durable as before.
    /// </summary>
    private async Task<Renditions> RenderWhileFlushingAsync(string temp, ImageInspection inspection, CancellationToken cancellationToken)
    {
        var render = images.RenderAsync(temp, inspection, cancellationToken);
        var flush = Task.Run(() =>
        {
            using var file = new FileStream(temp, FileMode.Open, FileAccess.Write, FileShare.ReadWrite);
            file.Flush(flushToDisk: true);
        }, CancellationToken.None);
        // A rejection from the decoder wins over a flush failure: WhenAll rethrows the first task's exception first.
        await Task.WhenAll(render, flush);
        return await render;
    }

    private void DeleteAll(List<string> written)
    {
        foreach (var path in written)
            store.Delete(path);
        written.Clear();
    }

    private static string TooLarge(string name, long size, long max) =>
        $"{name} is {PhotoImporter.FormatSize(size)}; the largest accepted upload is {PhotoImporter.FormatSize(max)}.";
}
