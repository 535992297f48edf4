namespace PhotoGallery.Core.Imaging;

/// <summary>Why an uploaded file was refused; the exception message says it in words.</summary>
public enum ImageRejectionReason
{
    UnsupportedExtension,
    Empty,
    TooLarge,
    ContentMismatch,
    DimensionsTooSmall,
    DimensionsTooLarge,
    Damaged,
}
