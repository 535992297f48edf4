namespace PhotoGallery.Core.Imaging;

/// <summary>The encoded derivatives of one photo, both made from a single decode.</summary>
/// <param name="Thumbnail">WebP, longest side <see cref="ImagingOptions.ThumbnailSize"/> (never upscaled).</param>
/// <param name="Preview">Viewer image, longest side <see cref="ImagingOptions.PreviewSize"/> (never upscaled).</param>
/// <param name="PreviewExtension">Extension of <paramref name="Preview"/> without the dot: webp or jpg.</param>
public sealed record Renditions(
    byte[] Thumbnail,
    byte[] Preview,
    string PreviewExtension,
    string PreviewMimeType,
    int PreviewWidth,
    int PreviewHeight);
