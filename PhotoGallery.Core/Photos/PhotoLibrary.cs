using Microsoft.EntityFrameworkCore;
using PhotoGallery.Core.Data;

namespace PhotoGallery.Core.Photos;

/// <summary>Reads the library: keyset-paged grid tiles and one photo's details.</summary>
public sealed class PhotoLibrary(IDbContextFactory<GalleryDbContext> dbFactory)
{
    public const int MaxPageSize = 500;

    public async Task<LibraryPage> GetPageAsync(LibraryQuery query, LibraryCursor? after, int pageSize, CancellationToken cancellationToken)
    {
        pageSize = Math.Clamp(pageSize, 1, MaxPageSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var tiles = await LibraryKeyset.LivePhotosAfter(db, query, after)
            .Take(pageSize + 1)
            .Select(p => new PhotoTile(p.Id, p.SortKey, p.CreatedAt, p.Width, p.Height, p.OriginalFileName, p.IsGenerated))
            .ToListAsync(cancellationToken);

        if (tiles.Count <= pageSize)
            return new LibraryPage(tiles, null);
        tiles.RemoveAt(pageSize);
        var last = tiles[^1];
        return new LibraryPage(tiles, new LibraryCursor(query.Sort == LibrarySort.Added ? last.CreatedAt : last.SortKey, last.Id));
    }

    public async Task<int> CountAsync(LibraryFilter filter, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var live = db.Photos.Where(p => p.DeletedAt == null);
        return filter switch
        {
            LibraryFilter.Uploaded => await live.CountAsync(p => !p.IsGenerated, cancellationToken),
            LibraryFilter.Generated => await live.CountAsync(p => p.IsGenerated, cancellationToken),
            _ => await live.CountAsync(cancellationToken),
        };
    }

    /// <summary>A photo's details, trashed or not; null when it does not exist.</summary>
    public async Task<PhotoDetails?> GetDetailsAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Photos.AsNoTracking()
            .Where(p => p.Id == id)
            .Select(p => new PhotoDetails(p.Id, p.OriginalFileName, p.MimeType, p.ByteSize, p.Width, p.Height, p.TakenAt, p.CreatedAt,
                p.CameraMake, p.CameraModel, p.IsGenerated, p.GenerationPrompt, p.GenerationNegativePrompt, p.ModelName,
                p.GenerationParameters, p.SourcePhotoId, p.DeletedAt))
            .SingleOrDefaultAsync(cancellationToken);
    }
}
