namespace PhotoGallery.Core.Backends.InvokeAi.Events;

/// <summary><c>invocation_progress</c>: percentage 0–1 or null (indeterminate); preview is a JPEG data URL or null.</summary>
public sealed record InvocationProgressEvent(
    int ItemId,
    string BatchId,
    string? Destination,
    string InvocationSourceId,
    string? Message,
    double? Percentage,
    string? PreviewDataUrl) : InvokeAiEvent(ItemId, BatchId, Destination);
