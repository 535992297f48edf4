namespace PhotoGallery.Core.Imaging.Inspection;

/// <summary>The few EXIF facts the library keeps.</summary>
internal sealed record ExifMetadata(int? Orientation, DateTime? TakenAt, string? CameraMake, string? CameraModel)
{
    public static readonly ExifMetadata None = new(null, null, null, null);
}
