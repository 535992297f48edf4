using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Storage;

namespace PhotoGallery.Core.Photos;

/// <summary>
/// Delete is a soft delete into Trash (album memberships are kept for a restore); purging removes the row first,
/// then the files, and closes up the album positions the photo held.
/// </summary>
public sealed class PhotoTrash(
    IDbContextFactory<GalleryDbContext> dbFactory,
    IPhotoStore store,
    PhotoMediaCache mediaCache,
    IOptions<PhotoOptions> options,
    TimeProvider clock,
    ILogger<PhotoTrash> logger)
{
    private TimeSpan Retention => TimeSpan.FromDays(options.Value.TrashRetentionDays);

    /// <summary>Moves live photos to Trash (or purges them at once when retention is 0 days); returns how many moved.</summary>
    public async Task<int> DeleteAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        if (ids.Count == 0)
            return 0;
        if (options.Value.TrashRetentionDays == 0)
            return await PurgeAsync(ids, cancellationToken);

        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var moved = await db.Photos.Where(p => ids.Contains(p.Id) && p.DeletedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.DeletedAt, now), cancellationToken);
        mediaCache.Forget(ids);
        logger.LogInformation("Moved {PhotoCount} photos to Trash", moved);
        return moved;
    }

    public async Task<int> RestoreAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var restored = await db.Photos.Where(p => ids.Contains(p.Id) && p.DeletedAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.DeletedAt, (DateTime?)null), cancellationToken);
        mediaCache.Forget(ids);
        logger.LogInformation("Restored {PhotoCount} photos from Trash", restored);
        return restored;
    }

    public async Task<int> RestoreAllAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var restored = await db.Photos.Where(p => p.DeletedAt != null)
            .ExecuteUpdateAsync(s => s.SetProperty(p => p.DeletedAt, (DateTime?)null), cancellationToken);
        mediaCache.Clear();
        logger.LogInformation("Restored {PhotoCount} photos from Trash", restored);
        return restored;
    }

    public async Task<IReadOnlyList<TrashItem>> ListAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await db.Photos.AsNoTracking().Where(p => p.DeletedAt != null)
            .OrderByDescending(p => p.DeletedAt).ThenByDescending(p => p.Id)
            .Select(p => new { p.Id, p.OriginalFileName, p.Width, p.Height, DeletedAt = p.DeletedAt!.Value })
            .ToListAsync(cancellationToken);
        return rows.Select(r =>
        {
            var purgeAt = r.DeletedAt + Retention;
            return new TrashItem(r.Id, r.OriginalFileName, r.Width, r.Height, r.DeletedAt, purgeAt, Math.Max(0, (int)Math.Ceiling((purgeAt - now).TotalDays)));
        }).ToList();
    }

    /// <summary>Permanently deletes trashed photos (rows, files, album positions).</summary>
    public Task<int> PurgeAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken) =>
        PurgeWhereAsync(q => q.Where(p => ids.Contains(p.Id)), cancellationToken);

    public Task<int> EmptyAsync(CancellationToken cancellationToken) =>
        PurgeWhereAsync(q => q.Where(p => p.DeletedAt != null), cancellationToken);

    /// <summary>For the purge job: trashed photos older than the retention period.</summary>
    public Task<int> PurgeExpiredAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - Retention;
        return PurgeWhereAsync(q => q.Where(p => p.DeletedAt != null && p.DeletedAt <= cutoff), cancellationToken);
    }

    private async Task<int> PurgeWhereAsync(Func<IQueryable<Photo>, IQueryable<Photo>> select, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var photos = await select(db.Photos).Select(p => new { p.Id, p.StoredPath, p.ThumbnailPath, p.PreviewPath, p.LinkedPaths }).ToListAsync(cancellationToken);
        if (photos.Count == 0)
            return 0;

        var ids = photos.Select(p => p.Id).ToList();
        await using (var tx = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            var albumIds = await db.AlbumPhotos.Where(ap => ids.Contains(ap.PhotoId)).Select(ap => ap.AlbumId).Distinct().ToListAsync(cancellationToken);
            await db.Photos.Where(p => ids.Contains(p.Id)).ExecuteDeleteAsync(cancellationToken);
            await CloseUpPositionsAsync(db, albumIds, cancellationToken);
            await tx.CommitAsync(cancellationToken);
        }
        mediaCache.Forget(ids);

        // Files go after the rows: a crash in between leaves unreferenced files, never a row without its file.
        foreach (var photo in photos)
        {
            foreach (var path in photo.LinkedPaths.Prepend(photo.PreviewPath).Prepend(photo.ThumbnailPath).Prepend(photo.StoredPath))
            {
                if (path is null)
                    continue;
                try
                {
                    store.Delete(path);
                }
                catch (IOException ex)
                {
                    logger.LogError(ex, "Could not delete {StoredPath} of purged photo {PhotoId}", path, photo.Id);
                }
            }
        }
        logger.LogInformation("Purged {PhotoCount} photos permanently", photos.Count);
        return photos.Count;
    }

    private static async Task CloseUpPositionsAsync(GalleryDbContext db, List<Guid> albumIds, CancellationToken cancellationToken)
    {
        if (albumIds.Count == 0)
            return;
        var members = await db.AlbumPhotos.Where(ap => albumIds.Contains(ap.AlbumId)).OrderBy(ap => ap.AlbumId).ThenBy(ap => ap.Position).ToListAsync(cancellationToken);
        foreach (var album in members.GroupBy(m => m.AlbumId))
        {
            var position = 0;
            foreach (var member in album)
                member.Position = position++;
        }
        await db.SaveChangesAsync(cancellationToken);
    }
}
