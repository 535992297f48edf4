namespace PhotoGallery.Core.Backends.InvokeAi;

/// <summary>An image record (<c>ImageDTO</c>, reference §5.1).</summary>
public sealed record InvokeAiImage(
    string ImageName,
    int Width,
    int Height,
    string? Category,
    bool IsIntermediate,
    string? SessionId,
    string? BoardId,
    DateTime? CreatedAt);
