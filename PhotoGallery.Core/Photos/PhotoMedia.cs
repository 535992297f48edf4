using Microsoft.EntityFrameworkCore;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Storage;

namespace PhotoGallery.Core.Photos;

/// <summary>Finds the file to serve for a live photo. Paths come from the database only, never from the request.</summary>
public sealed class PhotoMedia(IDbContextFactory<GalleryDbContext> dbFactory, IPhotoStore store, PhotoMediaCache cache)
{
    public Task<MediaFile?> GetAsync(Guid id, MediaKind kind, CancellationToken cancellationToken)
    {
        // Thumbnails are requested by the hundred: once a photo is cached, its file is resolved once per kind and
        // then only checked for existence (a file removed behind the app's back still gives 404).
        if (cache.TryGetItem(id) is { } item)
        {
            var file = item.Files[(int)kind] ??= Resolve(item.Entry, kind);
            return Task.FromResult(File.Exists(file.FullPath) ? file : null);
        }
        return LoadAsync(id, kind, cancellationToken);
    }

    /// <summary>
    /// The file of a photo already in the cache, without checking that it still exists on disk (for a caller that
    /// serves it and answers 404 itself when opening it fails); null when the photo is not cached.
    /// </summary>
    public MediaFile? GetCachedUnchecked(Guid id, MediaKind kind) =>
        cache.TryGetItem(id) is { } item ? item.Files[(int)kind] ??= Resolve(item.Entry, kind) : null;

    private async Task<MediaFile?> LoadAsync(Guid id, MediaKind kind, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entry = await db.Photos.AsNoTracking()
            .Where(p => p.Id == id && p.DeletedAt == null)
            .Select(p => new PhotoMediaEntry(p.StoredPath, p.ThumbnailPath, p.PreviewPath, p.MimeType, p.ContentHash, p.OriginalFileName, p.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);
        if (entry is null)
            return null;
        var item = cache.SetItem(id, new PhotoMediaCache.Item(entry));
        var file = item.Files[(int)kind] = Resolve(entry, kind);
        return File.Exists(file.FullPath) ? file : null;
    }

    /// <summary>The thumbnail of a photo in Trash (for the Trash page only; trashed photos are otherwise not served).</summary>
    public async Task<MediaFile?> GetTrashedThumbnailAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entry = await db.Photos.AsNoTracking()
            .Where(p => p.Id == id && p.DeletedAt != null)
            .Select(p => new PhotoMediaEntry(p.StoredPath, p.ThumbnailPath, p.PreviewPath, p.MimeType, p.ContentHash, p.OriginalFileName, p.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);
        return entry is null ? null : Resolve(entry, MediaKind.Thumbnail) is var file && File.Exists(file.FullPath) ? file : null;
    }

    private MediaFile Resolve(PhotoMediaEntry entry, MediaKind kind)
    {
        // A photo whose thumbnail or preview could not be made is shown by its original.
        var (path, type) = kind switch
        {
            MediaKind.Thumbnail when entry.ThumbnailPath is not null => (entry.ThumbnailPath, "image/webp"),
            MediaKind.Preview when entry.PreviewPath is not null => (entry.PreviewPath, ContentTypeOf(entry.PreviewPath)),
            _ => (entry.StoredPath, entry.MimeType),
        };
        var full = store.GetFullPath(path);
        var variant = path == entry.StoredPath ? "o" : kind == MediaKind.Thumbnail ? "t" : "p";
        return new MediaFile(full, type, $"\"{entry.ContentHash[..32]}-{variant}\"", entry.CreatedAt, entry.OriginalFileName);
    }

    private static string ContentTypeOf(string path) => Path.GetExtension(path).ToLowerInvariant() switch
    {
        ".webp" => "image/webp",
        ".png" => "image/png",
        ".heic" => "image/heic",
        _ => "image/jpeg",
    };
}
