using Microsoft.EntityFrameworkCore;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Storage;

namespace PhotoGallery.Core.Photos;

/// <summary>Finds the file to serve for a live photo. Paths come from the database only, never from the request.</summary>
public sealed class PhotoMedia(IDbContextFactory<GalleryDbContext> dbFactory, IPhotoStore store, PhotoMediaCache cache)
{
    public async Task<MediaFile?> GetAsync(Guid id, MediaKind kind, CancellationToken cancellationToken)
    {
        if (!cache.TryGet(id, out var entry))
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            entry = await db.Photos.AsNoTracking()
                .Where(p => p.Id == id && p.DeletedAt == null)
                .Select(p => new PhotoMediaEntry(p.StoredPath, p.ThumbnailPath, p.PreviewPath, p.MimeType, p.ContentHash, p.OriginalFileName, p.CreatedAt))
                .SingleOrDefaultAsync(cancellationToken);
            if (entry is null)
                return null;
            cache.Set(id, entry);
        }
        return Resolve(entry!, kind);
    }

    /// <summary>The thumbnail of a photo in Trash (for the Trash page only; trashed photos are otherwise not served).</summary>
    public async Task<MediaFile?> GetTrashedThumbnailAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var entry = await db.Photos.AsNoTracking()
            .Where(p => p.Id == id && p.DeletedAt != null)
            .Select(p => new PhotoMediaEntry(p.StoredPath, p.ThumbnailPath, p.PreviewPath, p.MimeType, p.ContentHash, p.OriginalFileName, p.CreatedAt))
            .SingleOrDefaultAsync(cancellationToken);
        return entry is null ? null : Resolve(entry, MediaKind.Thumbnail);
    }

    private MediaFile? Resolve(PhotoMediaEntry entry, MediaKind kind)
    {
        // A photo whose thumbnail or preview could not be made is shown by its original.
        var (path, type) = kind switch
        {
            MediaKind.Thumbnail when entry.ThumbnailPath is not null => (entry.ThumbnailPath, "image/webp"),
            MediaKind.Preview when entry.PreviewPath is not null => (entry.PreviewPath, ContentTypeOf(entry.PreviewPath)),
            _ => (entry.StoredPath, entry.MimeType),
        };
        var full = store.GetFullPath(path);
        if (!File.Exists(full))
            return null;
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
