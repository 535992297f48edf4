using PhotoGallery.Core.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using PhotoGallery.Core.Common;
using PhotoGallery.Core.Data;

namespace PhotoGallery.Core.Sharing;

/// <summary>The owner's side of share links: create, list, edit, revoke. Tokens and passwords are never logged.</summary>
public sealed class ShareService
{
    public const int MaxSelection = 10_000;
    public const int MaxDescriptionLength = 4000;
    private const int TokenAttempts = 5;

    private readonly IDbContextFactory<GalleryDbContext> _dbFactory;
    private readonly TimeProvider _clock;
    private readonly ILogger<ShareService> _logger;
    private readonly Func<string> _newToken;

    public ShareService(IDbContextFactory<GalleryDbContext> dbFactory, TimeProvider clock, ILogger<ShareService> logger)
        : this(dbFactory, clock, logger, ShareTokens.Create)
    {
    }

    /// <summary>For tests: a token source that can repeat itself, to prove a collision is retried.</summary>
    internal ShareService(IDbContextFactory<GalleryDbContext> dbFactory, TimeProvider clock, ILogger<ShareService> logger, Func<string> newToken)
    {
        _dbFactory = dbFactory;
        _clock = clock;
        _logger = logger;
        _newToken = newToken;
    }

    public async Task<ShareLinkSummary> CreateAsync(ShareLinkRequest request, CancellationToken cancellationToken)
    {
        var description = ValidDescription(request.Description);
        var password = string.IsNullOrWhiteSpace(request.Password) ? null : ValidPassword(request.Password);
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);

        var now = _clock.GetUtcNow().UtcDateTime;
        var link = new ShareLink
        {
            Token = _newToken(),
            Description = description,
            CreatedAt = now,
            ExpiresAt = request.Expiry.ExpiresAt(now),
            PasswordHash = password is null ? null : PasswordHashing.Hash(password),
            ShowMetadata = request.ShowMetadata,
            AllowDownload = request.AllowDownload && request.ShowMetadata,
        };
        await SetTargetAsync(db, link, request, cancellationToken);
        db.ShareLinks.Add(link);

        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                break;
            }
            catch (DbUpdateException ex) when (IsUniqueViolation(ex) && attempt < TokenAttempts)
            {
                // 256 random bits collide in practice never; a repeat means a broken random source or a test. Retry.
                _logger.LogWarning("Share link token collided with an existing one; retrying with a new token (attempt {Attempt})", attempt);
                link.Token = _newToken();
            }
        }

        _logger.LogInformation("Created share link {ShareLinkId} for album {AlbumId} or {PhotoCount} selected photos, expiring {ExpiresAt}",
            link.Id, link.AlbumId, link.Photos.Count, link.ExpiresAt);
        return (await GetAsync(link.Id, cancellationToken))!;
    }

    /// <summary>Every link, newest first.</summary>
    public async Task<IReadOnlyList<ShareLinkSummary>> ListAsync(CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var rows = await Summaries(db, db.ShareLinks.OrderByDescending(l => l.CreatedAt)).ToListAsync(cancellationToken);
        return [.. rows.Select(ToSummary)];
    }

    public async Task<ShareLinkSummary?> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await Summaries(db, db.ShareLinks.Where(l => l.Id == id)).SingleOrDefaultAsync(cancellationToken);
        return row is null ? null : ToSummary(row);
    }

    public async Task<ShareLinkSummary> UpdateAsync(Guid id, ShareLinkUpdate update, CancellationToken cancellationToken)
    {
        var description = ValidDescription(update.Description);
        var newPassword = update.Password == PasswordChange.Set ? ValidPassword(update.NewPassword) : null;
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var link = await db.ShareLinks.SingleOrDefaultAsync(l => l.Id == id, cancellationToken)
            ?? throw new UserFacingException("This share link no longer exists.");
        if (link.RevokedAt is not null)
            throw new UserFacingException("This link has been revoked and cannot be changed; create a new link instead.");

        if (update.Expiry is { } expiry)
            link.ExpiresAt = expiry.ExpiresAt(_clock.GetUtcNow().UtcDateTime);
        link.PasswordHash = update.Password switch
        {
            PasswordChange.Set => PasswordHashing.Hash(newPassword!),
            PasswordChange.Remove => null,
            _ => link.PasswordHash,
        };
        link.ShowMetadata = update.ShowMetadata;
        link.AllowDownload = update.AllowDownload && update.ShowMetadata;
        link.Description = description;
        await db.SaveChangesAsync(cancellationToken);

        _logger.LogInformation("Updated share link {ShareLinkId} (password {PasswordChange})", id, update.Password);
        return (await GetAsync(id, cancellationToken))!;
    }

    /// <summary>Closes a link for good: its address answers 404 from now on. False when it does not exist.</summary>
    public async Task<bool> RevokeAsync(Guid id, CancellationToken cancellationToken)
    {
        await using var db = await _dbFactory.CreateDbContextAsync(cancellationToken);
        var now = _clock.GetUtcNow().UtcDateTime;
        var changed = await db.ShareLinks.Where(l => l.Id == id && l.RevokedAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.RevokedAt, now), cancellationToken);
        if (changed > 0)
            _logger.LogInformation("Revoked share link {ShareLinkId}", id);
        return changed > 0 || await db.ShareLinks.AnyAsync(l => l.Id == id, cancellationToken);
    }

    private static async Task SetTargetAsync(GalleryDbContext db, ShareLink link, ShareLinkRequest request, CancellationToken cancellationToken)
    {
        if (request.AlbumId is { } albumId)
        {
            if (request.PhotoIds is { Count: > 0 })
                throw new UserFacingException("Share either an album or a selection of photos, not both.");
            if (!await db.Albums.AnyAsync(a => a.Id == albumId, cancellationToken))
                throw new UserFacingException("That album no longer exists.");
            link.AlbumId = albumId;
            return;
        }

        var ids = (request.PhotoIds ?? []).Distinct().ToList();
        if (ids.Count == 0)
            throw new UserFacingException("Choose at least one photo to share.");
        if (ids.Count > MaxSelection)
            throw new UserFacingException($"A link can share at most {MaxSelection:N0} photos; make an album for more.");
        var live = new HashSet<Guid>();
        foreach (var chunk in ids.Chunk(500))
        {
            live.UnionWith(await db.Photos.Where(p => chunk.Contains(p.Id) && p.DeletedAt == null).Select(p => p.Id).ToListAsync(cancellationToken));
        }
        var missing = ids.Count - live.Count;
        if (missing > 0)
        {
            throw new UserFacingException(missing == 1
                ? "One of the selected photos is no longer in the library (deleted or in Trash)."
                : $"{missing} of the selected photos are no longer in the library (deleted or in Trash).");
        }
        link.Photos = [.. ids.Select((id, i) => new ShareLinkPhoto { ShareLinkId = link.Id, PhotoId = id, Position = i })];
    }

    private static string? ValidDescription(string? description)
    {
        var trimmed = description?.Trim();
        if (trimmed is { Length: > MaxDescriptionLength })
            throw new UserFacingException($"The description is too long ({trimmed.Length:N0} characters; at most {MaxDescriptionLength:N0}).");
        return string.IsNullOrEmpty(trimmed) ? null : trimmed;
    }

    private static string ValidPassword(string? password)
    {
        if (string.IsNullOrWhiteSpace(password))
            throw new UserFacingException("Enter a password, or choose not to protect the link.");
        if (password.Length < PasswordHashing.MinLength)
            throw new UserFacingException($"The password is too short: use at least {PasswordHashing.MinLength} characters.");
        if (password.Length > PasswordHashing.MaxLength)
            throw new UserFacingException($"The password is too long: use at most {PasswordHashing.MaxLength} characters.");
        return password;
    }

    private static bool IsUniqueViolation(DbUpdateException ex) => ex.InnerException switch
    {
        SqliteException sqlite => sqlite.SqliteExtendedErrorCode == 2067, // SQLITE_CONSTRAINT_UNIQUE
        PostgresException postgres => postgres.SqlState == PostgresErrorCodes.UniqueViolation,
        _ => false,
    };

    private static IQueryable<SummaryRow> Summaries(GalleryDbContext db, IQueryable<ShareLink> links) =>
        links.Select(l => new SummaryRow(
            l.Id,
            l.Token,
            l.AlbumId,
            db.Albums.Where(a => a.Id == l.AlbumId).Select(a => a.Title).FirstOrDefault(),
            l.AlbumId != null
                ? db.AlbumPhotos.Count(ap => ap.AlbumId == l.AlbumId && db.Photos.Any(p => p.Id == ap.PhotoId && p.DeletedAt == null))
                : db.ShareLinkPhotos.Count(sp => sp.ShareLinkId == l.Id && db.Photos.Any(p => p.Id == sp.PhotoId && p.DeletedAt == null)),
            l.Description,
            l.CreatedAt,
            l.ExpiresAt,
            l.RevokedAt,
            l.PasswordHash != null,
            l.ShowMetadata,
            l.AllowDownload,
            l.ViewCount,
            l.LastViewedAt));

    private ShareLinkSummary ToSummary(SummaryRow r)
    {
        var now = _clock.GetUtcNow().UtcDateTime;
        var status = r.RevokedAt is not null ? ShareLinkStatus.Revoked
            : r.ExpiresAt is { } e && e <= now ? ShareLinkStatus.Expired
            : ShareLinkStatus.Active;
        return new ShareLinkSummary(r.Id, r.Token, r.AlbumId, r.AlbumTitle, r.PhotoCount, r.Description, r.CreatedAt, r.ExpiresAt,
            r.RevokedAt, r.HasPassword, r.ShowMetadata, r.AllowDownload, r.ViewCount, r.LastViewedAt, status);
    }

    private sealed record SummaryRow(
        Guid Id, string Token, Guid? AlbumId, string? AlbumTitle, int PhotoCount, string? Description, DateTime CreatedAt,
        DateTime? ExpiresAt, DateTime? RevokedAt, bool HasPassword, bool ShowMetadata, bool AllowDownload, int ViewCount, DateTime? LastViewedAt);
}
