namespace PhotoGallery.Core.Backends.InvokeAi;

/// <summary>Queue counts and whether the processor runs (readiness, reference §4.8).</summary>
public sealed record InvokeAiQueueStatus(
    int Pending,
    int InProgress,
    int Completed,
    int Failed,
    int Canceled,
    int Total,
    int? CurrentItemId,
    bool IsStarted,
    bool IsProcessing);
