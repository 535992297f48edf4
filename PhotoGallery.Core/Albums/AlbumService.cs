using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PhotoGallery.Core.Common;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Photos;

namespace PhotoGallery.Core.Albums;

/// <summary>
/// Albums: ordered collections of library photos. A photo can be in many albums; trashed photos drop out of every
/// album view and return to their place when restored (the membership row and its position are kept).
/// </summary>
public sealed class AlbumService(IDbContextFactory<GalleryDbContext> dbFactory, TimeProvider clock, ILogger<AlbumService> logger)
{
    public const int MaxTitleLength = 200;
    public const int MaxDescriptionLength = 4000;

    public async Task<IReadOnlyList<AlbumSummary>> ListAsync(AlbumSort sort, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var albums = await db.Albums.AsNoTracking().ToListAsync(cancellationToken);
        var members = await LiveMembers(db, null).ToListAsync(cancellationToken);
        var summaries = albums.Select(a => Summarize(a, members.Where(m => m.AlbumId == a.Id).ToList())).ToList();
        return sort switch
        {
            AlbumSort.Date => [.. summaries.OrderByDescending(s => s.To ?? DateTime.MinValue).ThenBy(s => s.Title, StringComparer.CurrentCultureIgnoreCase)],
            AlbumSort.RecentlyChanged => [.. summaries.OrderByDescending(s => s.UpdatedAt)],
            _ => [.. summaries.OrderBy(s => s.Title, StringComparer.CurrentCultureIgnoreCase).ThenBy(s => s.Id)],
        };
    }

    public async Task<AlbumSummary?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var album = await db.Albums.AsNoTracking().SingleOrDefaultAsync(a => a.Id == id, cancellationToken);
        if (album is null)
            return null;
        var members = await LiveMembers(db, id).ToListAsync(cancellationToken);
        return Summarize(album, members);
    }

    /// <summary>The album's live photos in album order.</summary>
    public async Task<IReadOnlyList<PhotoTile>> GetPhotosAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AlbumPhotos.AsNoTracking()
            .Where(ap => ap.AlbumId == id)
            .Join(db.Photos.Where(p => p.DeletedAt == null), ap => ap.PhotoId, p => p.Id, (ap, p) => new { ap.Position, Photo = p })
            .OrderBy(x => x.Position).ThenBy(x => x.Photo.Id)
            .Select(x => new PhotoTile(x.Photo.Id, x.Photo.SortKey, x.Photo.CreatedAt, x.Photo.Width, x.Photo.Height, x.Photo.OriginalFileName, x.Photo.IsGenerated))
            .ToListAsync(cancellationToken);
    }

    public async Task<Guid> CreateAsync(string title, string? description, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var album = new Album { Title = ValidTitle(title), Description = ValidDescription(description), CreatedAt = now, UpdatedAt = now };
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        db.Albums.Add(album);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Created album {AlbumId}", album.Id);
        return album.Id;
    }

    public async Task UpdateAsync(Guid id, string title, string? description, CancellationToken cancellationToken)
    {
        var validTitle = ValidTitle(title);
        var validDescription = ValidDescription(description);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var album = await FindAsync(db, id, cancellationToken);
        album.Title = validTitle;
        album.Description = validDescription;
        album.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Deletes the album and its memberships (and its share links); the photos stay in the library.</summary>
    public async Task DeleteAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var deleted = await db.Albums.Where(a => a.Id == id).ExecuteDeleteAsync(cancellationToken);
        if (deleted == 0)
            throw new UserFacingException("That album no longer exists.");
        logger.LogInformation("Deleted album {AlbumId}", id);
    }

    /// <summary>Appends photos not yet in the album, in the given order; returns how many were added.</summary>
    public async Task<int> AddPhotosAsync(Guid albumId, IReadOnlyList<Guid> photoIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var album = await FindAsync(db, albumId, cancellationToken);
        var present = (await db.AlbumPhotos.Where(ap => ap.AlbumId == albumId).Select(ap => ap.PhotoId).ToListAsync(cancellationToken)).ToHashSet();
        var existing = (await db.Photos.Where(p => photoIds.Contains(p.Id) && p.DeletedAt == null).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();
        var next = await db.AlbumPhotos.Where(ap => ap.AlbumId == albumId).MaxAsync(ap => (int?)ap.Position, cancellationToken) ?? -1;
        var now = clock.GetUtcNow().UtcDateTime;
        var added = 0;
        foreach (var id in photoIds.Distinct())
        {
            if (present.Contains(id) || !existing.Contains(id))
                continue;
            db.AlbumPhotos.Add(new AlbumPhoto { AlbumId = albumId, PhotoId = id, Position = ++next, AddedAt = now });
            added++;
        }
        album.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Added {PhotoCount} photos to album {AlbumId}", added, albumId);
        return added;
    }

    public async Task<int> RemovePhotosAsync(Guid albumId, IReadOnlyCollection<Guid> photoIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var album = await FindAsync(db, albumId, cancellationToken);
        var members = await db.AlbumPhotos.Where(ap => ap.AlbumId == albumId).OrderBy(ap => ap.Position).ToListAsync(cancellationToken);
        var removed = members.Where(m => photoIds.Contains(m.PhotoId)).ToList();
        db.AlbumPhotos.RemoveRange(removed);
        Renumber(members.Except(removed));
        if (album.CoverPhotoId is { } cover && photoIds.Contains(cover))
            album.CoverPhotoId = null;
        album.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return removed.Count;
    }

    /// <summary>Moves a photo to <paramref name="newIndex"/> in the album's visible (live) order; positions persist.</summary>
    public async Task MoveAsync(Guid albumId, Guid photoId, int newIndex, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var album = await FindAsync(db, albumId, cancellationToken);
        var members = await db.AlbumPhotos.Where(ap => ap.AlbumId == albumId).OrderBy(ap => ap.Position).ThenBy(ap => ap.PhotoId).ToListAsync(cancellationToken);
        var moving = members.SingleOrDefault(m => m.PhotoId == photoId) ?? throw new UserFacingException("That photo is not in this album any more.");
        var live = (await db.Photos.Where(p => p.DeletedAt == null && members.Select(m => m.PhotoId).Contains(p.Id)).Select(p => p.Id).ToListAsync(cancellationToken)).ToHashSet();

        members.Remove(moving);
        var visible = members.Where(m => live.Contains(m.PhotoId)).ToList();
        newIndex = Math.Clamp(newIndex, 0, visible.Count);
        // Insert before the live photo now at that index; trashed members keep their place relative to their neighbours.
        var at = newIndex == visible.Count ? members.Count : members.IndexOf(visible[newIndex]);
        members.Insert(at, moving);
        Renumber(members);
        album.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>Chooses the cover (a photo of the album), or clears it so the first photo is the cover.</summary>
    public async Task SetCoverAsync(Guid albumId, Guid? photoId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var album = await FindAsync(db, albumId, cancellationToken);
        if (photoId is { } id && !await db.AlbumPhotos.AnyAsync(ap => ap.AlbumId == albumId && ap.PhotoId == id, cancellationToken))
            throw new UserFacingException("Only a photo of this album can be its cover.");
        album.CoverPhotoId = photoId;
        album.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static IQueryable<LiveMember> LiveMembers(GalleryDbContext db, Guid? albumId) =>
        db.AlbumPhotos.AsNoTracking()
            .Where(ap => albumId == null || ap.AlbumId == albumId)
            .Join(db.Photos.Where(p => p.DeletedAt == null), ap => ap.PhotoId, p => p.Id,
                (ap, p) => new LiveMember(ap.AlbumId, ap.PhotoId, ap.Position, p.SortKey));

    private static AlbumSummary Summarize(Album album, List<LiveMember> members)
    {
        var chosen = album.CoverPhotoId is { } c && members.Any(m => m.PhotoId == c);
        var cover = chosen ? album.CoverPhotoId : members.OrderBy(m => m.Position).ThenBy(m => m.PhotoId).Select(m => (Guid?)m.PhotoId).FirstOrDefault();
        return new AlbumSummary(album.Id, album.Title, album.Description, cover, chosen, members.Count,
            members.Count == 0 ? null : members.Min(m => m.SortKey), members.Count == 0 ? null : members.Max(m => m.SortKey),
            album.CreatedAt, album.UpdatedAt);
    }

    private static async Task<Album> FindAsync(GalleryDbContext db, Guid id, CancellationToken cancellationToken) =>
        await db.Albums.SingleOrDefaultAsync(a => a.Id == id, cancellationToken) ?? throw new UserFacingException("That album no longer exists.");

    private static void Renumber(IEnumerable<AlbumPhoto> ordered)
    {
        var position = 0;
        foreach (var member in ordered)
            member.Position = position++;
    }

    private static string ValidTitle(string title)
    {
        var t = title.Trim();
        if (t.Length == 0)
            throw new UserFacingException("An album needs a name.");
        if (t.Length > MaxTitleLength)
            throw new UserFacingException($"An album name can have at most {MaxTitleLength} characters.");
        return t;
    }

    private static string? ValidDescription(string? description)
    {
        var d = description?.Trim();
        if (d is { Length: > MaxDescriptionLength })
            throw new UserFacingException($"A description can have at most {MaxDescriptionLength} characters.");
        return string.IsNullOrEmpty(d) ? null : d;
    }

    private sealed record LiveMember(Guid AlbumId, Guid PhotoId, int Position, DateTime SortKey);
}
