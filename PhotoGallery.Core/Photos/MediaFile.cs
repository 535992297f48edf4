using Microsoft.Net.Http.Headers;

namespace PhotoGallery.Core.Photos;

/// <summary>A file to serve: where it is, its type, a strong validator and the name to download it as.</summary>
public sealed record MediaFile(string FullPath, string ContentType, string ETag, DateTime LastModified, string DownloadName)
{
    /// <summary><see cref="ETag"/> parsed once, so serving a cached file does not parse it per request.</summary>
    public EntityTagHeaderValue EntityTag { get; } = new(ETag);
}
