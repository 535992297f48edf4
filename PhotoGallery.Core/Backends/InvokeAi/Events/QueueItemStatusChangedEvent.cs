namespace PhotoGallery.Core.Backends.InvokeAi.Events;

/// <summary><c>queue_item_status_changed</c>: <see cref="StatusSequence"/> is 0 before v6.13.</summary>
public sealed record QueueItemStatusChangedEvent(
    int ItemId,
    string BatchId,
    string? Destination,
    QueueItemStatus Status,
    int StatusSequence,
    string? ErrorType,
    string? ErrorMessage) : InvokeAiEvent(ItemId, BatchId, Destination);
