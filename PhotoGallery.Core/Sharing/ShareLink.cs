namespace PhotoGallery.Core.Sharing;

/// <summary>A public link to an album (follows the album) or to a fixed selection of photos.</summary>
public class ShareLink
{
    public Guid Id { get; set; } = Guid.CreateVersion7();

    /// <summary>32 random bytes, URL-safe base64 (43 characters).</summary>
    public required string Token { get; set; }

    public Guid? AlbumId { get; set; }
    public string? Description { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? ExpiresAt { get; set; }
    public DateTime? RevokedAt { get; set; }
    public string? PasswordHash { get; set; }
    public bool ShowMetadata { get; set; }
    public bool AllowDownload { get; set; }
    public int ViewCount { get; set; }
    public DateTime? LastViewedAt { get; set; }

    /// <summary>The fixed selection, when the link is not for an album.</summary>
    public List<ShareLinkPhoto> Photos { get; set; } = [];
}
