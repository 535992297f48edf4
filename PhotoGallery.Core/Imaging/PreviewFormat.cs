namespace PhotoGallery.Core.Imaging;

/// <summary>Encoding of the viewer preview (thumbnails are always WebP).</summary>
public enum PreviewFormat
{
    WebP,
    Jpeg,
}
