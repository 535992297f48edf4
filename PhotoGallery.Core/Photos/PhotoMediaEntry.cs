namespace PhotoGallery.Core.Photos;

/// <summary>What serving a live photo's files needs, cached per photo.</summary>
public sealed record PhotoMediaEntry(string StoredPath, string? ThumbnailPath, string? PreviewPath, string MimeType, string ContentHash, string OriginalFileName, DateTime CreatedAt);
