namespace PhotoGallery.Core.Imaging;

/// <summary>The image formats accepted for upload.</summary>
public enum ImageFormat
{
    Jpeg,
    Png,
    WebP,
    Heic,
}
