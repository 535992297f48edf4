namespace PhotoGallery.Core.Sharing;

/// <summary>
/// An open (not revoked, not expired) link as a visitor sees it. <see cref="Title"/> is the album's title, or
/// "Shared photos" for a selection.
/// </summary>
public sealed record SharedLink(
    Guid Id,
    Guid? AlbumId,
    string Title,
    string? Description,
    bool ShowMetadata,
    bool AllowDownload,
    bool RequiresPassword)
{
    /// <summary>The stored password hash; stays inside Core (it only feeds the access-cookie check).</summary>
    internal string? PasswordHash { get; init; }

    /// <summary>Originals are offered only when the owner allowed it and metadata is shown (originals carry EXIF).</summary>
    public bool CanDownload => AllowDownload && ShowMetadata;
}
