namespace PhotoGallery.Core.Backends.InvokeAi.Wire;

/// <summary><c>GET /api/v1/queue/{queue_id}/b/{batch_id}/status</c>: counts only (reference §4.2).</summary>
public sealed record BatchStatusWire(
    string QueueId,
    string BatchId,
    string? Origin,
    string? Destination,
    int Pending,
    int InProgress,
    int Completed,
    int Failed,
    int Canceled,
    int Total);
