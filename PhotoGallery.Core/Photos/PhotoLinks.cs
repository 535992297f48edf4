using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Storage;

namespace PhotoGallery.Core.Photos;

/// <summary>
/// Further names for a photo's original (a session's selected/ and completed/ folders): a hard link where possible,
/// else a copy, always recorded on the photo so that purging it removes every name. One photo row per image, never two.
/// </summary>
public sealed class PhotoLinks(IDbContextFactory<GalleryDbContext> dbFactory, IPhotoStore store, ILogger<PhotoLinks> logger)
{
    /// <summary>Gives the photo's original the name <paramref name="linkPath"/>; false when the photo does not exist.</summary>
    public async Task<bool> LinkAsync(Guid photoId, string linkPath, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var photo = await db.Photos.FirstOrDefaultAsync(p => p.Id == photoId, cancellationToken);
        if (photo is null)
            return false;
        // Recorded before the file exists: a crash in between leaves a name to skip at purge, never an unknown file.
        if (!photo.LinkedPaths.Contains(linkPath))
        {
            photo.LinkedPaths = [.. photo.LinkedPaths, linkPath];
            await db.SaveChangesAsync(cancellationToken);
        }
        var hard = await store.LinkOrCopyAsync(photo.StoredPath, linkPath, cancellationToken);
        logger.LogDebug("Linked photo {PhotoId} as {LinkPath} ({LinkKind})", photoId, linkPath, hard ? "hard link" : "copy");
        return true;
    }

    /// <summary>Removes the name again (the original and other names stay).</summary>
    public async Task UnlinkAsync(Guid photoId, string linkPath, CancellationToken cancellationToken)
    {
        store.Delete(linkPath);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var photo = await db.Photos.FirstOrDefaultAsync(p => p.Id == photoId, cancellationToken);
        if (photo is null || !photo.LinkedPaths.Contains(linkPath))
            return;
        photo.LinkedPaths = photo.LinkedPaths.Where(p => p != linkPath).ToList();
        await db.SaveChangesAsync(cancellationToken);
    }
}
