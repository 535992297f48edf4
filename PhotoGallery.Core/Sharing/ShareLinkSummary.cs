namespace PhotoGallery.Core.Sharing;

/// <summary>One row of the Sharing page. <see cref="PhotoCount"/> counts the live photos the link shows now.</summary>
public sealed record ShareLinkSummary(
    Guid Id,
    string Token,
    Guid? AlbumId,
    string? AlbumTitle,
    int PhotoCount,
    string? Description,
    DateTime CreatedAt,
    DateTime? ExpiresAt,
    DateTime? RevokedAt,
    bool HasPassword,
    bool ShowMetadata,
    bool AllowDownload,
    int ViewCount,
    DateTime? LastViewedAt,
    ShareLinkStatus Status)
{
    /// <summary>"Album title" for album links, "N photos" for a selection.</summary>
    public string Target => AlbumTitle ?? (PhotoCount == 1 ? "1 photo" : $"{PhotoCount:N0} photos");
}
