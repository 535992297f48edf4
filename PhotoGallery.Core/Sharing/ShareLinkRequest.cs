namespace PhotoGallery.Core.Sharing;

/// <summary>A new share link: either an album (the link follows it) or a fixed selection of photos, with its options.</summary>
public sealed record ShareLinkRequest(
    Guid? AlbumId,
    IReadOnlyList<Guid>? PhotoIds,
    ShareExpiry Expiry = ShareExpiries.Default,
    string? Password = null,
    bool ShowMetadata = true,
    bool AllowDownload = false,
    string? Description = null)
{
    public static ShareLinkRequest ForAlbum(Guid albumId) => new(albumId, null);

    public static ShareLinkRequest ForPhotos(IReadOnlyList<Guid> photoIds) => new(null, photoIds);
}
