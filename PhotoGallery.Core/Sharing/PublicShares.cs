using PhotoGallery.Core.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Photos;

namespace PhotoGallery.Core.Sharing;

/// <summary>
/// The visitor's side of share links. Every answer starts from the token: an unknown, malformed, revoked or expired
/// token resolves to null, the same for all four, and nothing is served for photos the link does not cover.
/// </summary>
public sealed class PublicShares(
    IDbContextFactory<GalleryDbContext> dbFactory,
    PhotoMedia media,
    ShareAccessGrants grants,
    TimeProvider clock,
    ILogger<PublicShares> logger)
{
    public const string SelectionTitle = "Shared photos";

    /// <summary>The open link behind a token, or null when there is none to show.</summary>
    public async Task<SharedLink?> FindAsync(string? token, CancellationToken cancellationToken)
    {
        if (!ShareTokens.IsWellFormed(token))
            return null;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var row = await db.ShareLinks.AsNoTracking()
            .Where(l => l.Token == token && l.RevokedAt == null && (l.ExpiresAt == null || l.ExpiresAt > now))
            .Select(l => new
            {
                l.Id,
                l.AlbumId,
                AlbumTitle = db.Albums.Where(a => a.Id == l.AlbumId).Select(a => a.Title).FirstOrDefault(),
                AlbumDescription = db.Albums.Where(a => a.Id == l.AlbumId).Select(a => a.Description).FirstOrDefault(),
                l.Description,
                l.ShowMetadata,
                l.AllowDownload,
                l.PasswordHash,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (row is null)
            return null;
        return new SharedLink(row.Id, row.AlbumId, row.AlbumTitle ?? SelectionTitle, row.Description ?? row.AlbumDescription,
            row.ShowMetadata, row.AllowDownload, row.PasswordHash is not null)
        {
            PasswordHash = row.PasswordHash,
        };
    }

    /// <summary>True when the link has no password, or the visitor's access cookie matches its current password.</summary>
    public bool CanOpen(SharedLink link, string? accessGrant) =>
        link.PasswordHash is null || grants.Verify(link.Id, link.PasswordHash, accessGrant);

    /// <summary>The access-cookie value for a correct password; null for a wrong one.</summary>
    public string? Unlock(SharedLink link, string? password)
    {
        if (link.PasswordHash is null || string.IsNullOrEmpty(password) || password.Length > PasswordHashing.MaxLength)
            return null;
        if (!PasswordHashing.Verify(password, link.PasswordHash))
        {
            logger.LogInformation("Wrong password for share link {ShareLinkId}", link.Id);
            return null;
        }
        return grants.Issue(link.Id, link.PasswordHash);
    }

    /// <summary>The live photos of the link: the album's in album order (following the album), or the selection's.</summary>
    public async Task<IReadOnlyList<SharedPhoto>> GetPhotosAsync(SharedLink link, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var photos = link.AlbumId is { } albumId
            ? from ap in db.AlbumPhotos
              where ap.AlbumId == albumId
              join p in db.Photos on ap.PhotoId equals p.Id
              where p.DeletedAt == null
              orderby ap.Position, p.Id
              select p
            : from sp in db.ShareLinkPhotos
              where sp.ShareLinkId == link.Id
              join p in db.Photos on sp.PhotoId equals p.Id
              where p.DeletedAt == null
              orderby sp.Position, p.Id
              select p;
        var show = link.ShowMetadata;
        return await photos.AsNoTracking()
            .Select(p => new SharedPhoto(
                p.Id, p.Width, p.Height, p.SortKey,
                show ? p.OriginalFileName : null,
                show ? p.TakenAt : null,
                show ? p.CameraMake : null,
                show ? p.CameraModel : null,
                show && p.IsGenerated,
                show ? p.GenerationPrompt : null,
                show ? p.ModelName : null))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Counts a visit to the link's page, unless the user agent is a link-preview bot or crawler.</summary>
    public async Task<bool> RecordViewAsync(SharedLink link, string? userAgent, CancellationToken cancellationToken)
    {
        if (LinkPreviewBots.IsBot(userAgent))
            return false;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await db.ShareLinks.Where(l => l.Id == link.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ViewCount, l => l.ViewCount + 1).SetProperty(l => l.LastViewedAt, now), cancellationToken);
        return true;
    }

    /// <summary>
    /// A file of one photo through a token: only for an open link the visitor may open, a live photo the link covers,
    /// originals only when download is allowed, and derived images only (never the original as a stand-in) when the
    /// link hides metadata — the thumbnails and previews carry no EXIF.
    /// </summary>
    public async Task<MediaFile?> GetMediaAsync(string? token, string? accessGrant, Guid photoId, MediaKind kind, CancellationToken cancellationToken)
    {
        var link = await FindAsync(token, cancellationToken);
        if (link is null || !CanOpen(link, accessGrant) || (kind == MediaKind.Original && !link.CanDownload))
            return null;

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var covered = link.AlbumId is { } albumId
            ? db.AlbumPhotos.Where(ap => ap.AlbumId == albumId).Select(ap => ap.PhotoId)
            : db.ShareLinkPhotos.Where(sp => sp.ShareLinkId == link.Id).Select(sp => sp.PhotoId);
        var photo = await db.Photos.AsNoTracking()
            .Where(p => p.Id == photoId && p.DeletedAt == null && covered.Contains(p.Id))
            .Select(p => new { HasThumbnail = p.ThumbnailPath != null, HasPreview = p.PreviewPath != null })
            .SingleOrDefaultAsync(cancellationToken);
        if (photo is null)
            return null;
        if (!link.ShowMetadata && ((kind == MediaKind.Thumbnail && !photo.HasThumbnail) || (kind == MediaKind.Preview && !photo.HasPreview)))
            return null;
        return await media.GetAsync(photoId, kind, cancellationToken);
    }

    /// <summary>The originals of every photo of the link, when it allows download; null otherwise.</summary>
    public async Task<IReadOnlyList<MediaFile>?> GetOriginalsAsync(string? token, string? accessGrant, CancellationToken cancellationToken)
    {
        var link = await FindAsync(token, cancellationToken);
        if (link is null || !CanOpen(link, accessGrant) || !link.CanDownload)
            return null;
        var files = new List<MediaFile>();
        foreach (var photo in await GetPhotosAsync(link, cancellationToken))
        {
            if (await media.GetAsync(photo.Id, MediaKind.Original, cancellationToken) is { } file)
                files.Add(file);
        }
        return files;
    }
}
