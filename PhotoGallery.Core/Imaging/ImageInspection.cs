namespace PhotoGallery.Core.Imaging;

/// <summary>
/// What <see cref="ImageProcessor.InspectAsync"/> learned from a file's header without decoding pixels.
/// <see cref="Width"/> and <see cref="Height"/> are the stored pixel dimensions; <see cref="DisplayWidth"/> and
/// <see cref="DisplayHeight"/> are the dimensions once EXIF orientation is applied (swapped for orientations 5–8).
/// </summary>
/// <param name="Extension">Canonical extension without the dot: jpg, png, webp or heic.</param>
/// <param name="Orientation">EXIF orientation 1–8, or null when the file has none.</param>
/// <param name="TakenAt">EXIF DateTimeOriginal as UTC (OffsetTimeOriginal applied when present, else taken as UTC).</param>
public sealed record ImageInspection(
    ImageFormat Format,
    string MimeType,
    string Extension,
    int Width,
    int Height,
    int DisplayWidth,
    int DisplayHeight,
    int? Orientation,
    DateTime? TakenAt,
    string? CameraMake,
    string? CameraModel)
{
    /// <summary>
    /// The client's file name as <see cref="ImageProcessor.InspectAsync"/> received it (control characters removed),
    /// so that <see cref="ImageProcessor.RenderAsync"/> can name the file when it refuses it. Display only.
    /// </summary>
    public string FileName { get; init; } = "The file";
}
