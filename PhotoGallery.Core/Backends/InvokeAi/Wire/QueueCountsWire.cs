namespace PhotoGallery.Core.Backends.InvokeAi.Wire;

/// <summary>The <c>queue</c> member of the queue status (reference §4.8).</summary>
public sealed record QueueCountsWire(
    string QueueId,
    int? ItemId,
    string? BatchId,
    string? SessionId,
    int Pending,
    int InProgress,
    int Completed,
    int Failed,
    int Canceled,
    int Total);
