namespace PhotoGallery.Core.Sharing;

/// <summary>
/// One photo of an open link. The name, camera and generation fields are null when the link hides metadata, so a page
/// cannot show them by mistake.
/// </summary>
public sealed record SharedPhoto(
    Guid Id,
    int Width,
    int Height,
    DateTime SortKey,
    string? FileName,
    DateTime? TakenAt,
    string? CameraMake,
    string? CameraModel,
    bool IsGenerated,
    string? Prompt,
    string? ModelName);
