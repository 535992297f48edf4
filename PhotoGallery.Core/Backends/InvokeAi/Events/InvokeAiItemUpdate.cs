namespace PhotoGallery.Core.Backends.InvokeAi.Events;

/// <summary>Progress of one watched item, from an event or a poll; <see cref="Item"/> is set once it is terminal.</summary>
public sealed record InvokeAiItemUpdate(
    int ItemId,
    QueueItemStatus Status,
    double? Percentage,
    string? Message,
    string? PreviewDataUrl,
    InvokeAiQueueItem? Item);
