namespace PhotoGallery.Core.Imaging.Inspection;

/// <summary>Stored pixel dimensions and EXIF, read from a file's header.</summary>
internal sealed record HeaderFacts(int Width, int Height, ExifMetadata Exif);
