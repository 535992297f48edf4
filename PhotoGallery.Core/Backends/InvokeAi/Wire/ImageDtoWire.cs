namespace PhotoGallery.Core.Backends.InvokeAi.Wire;

/// <summary>An <c>ImageDTO</c> (reference §5.1); optional members may be omitted or null.</summary>
public sealed record ImageDtoWire(
    string ImageName,
    string? ImageUrl,
    string? ThumbnailUrl,
    string? ImageOrigin,
    string? ImageCategory,
    int Width,
    int Height,
    string? CreatedAt,
    string? UpdatedAt,
    bool IsIntermediate,
    string? SessionId,
    string? NodeId,
    bool Starred,
    bool HasWorkflow,
    string? BoardId);
