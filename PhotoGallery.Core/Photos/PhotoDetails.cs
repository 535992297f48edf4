using PhotoGallery.Core.Generation;

namespace PhotoGallery.Core.Photos;

/// <summary>Everything the viewer's info panel shows.</summary>
public sealed record PhotoDetails(
    Guid Id,
    string OriginalFileName,
    string MimeType,
    long ByteSize,
    int Width,
    int Height,
    DateTime? TakenAt,
    DateTime CreatedAt,
    string? CameraMake,
    string? CameraModel,
    bool IsGenerated,
    string? Prompt,
    string? NegativePrompt,
    string? ModelName,
    GenerationParameters? Parameters,
    Guid? SourcePhotoId,
    DateTime? DeletedAt);
