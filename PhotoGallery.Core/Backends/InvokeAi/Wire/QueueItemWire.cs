namespace PhotoGallery.Core.Backends.InvokeAi.Wire;

/// <summary>A <c>SessionQueueItem</c> (reference §4.3); nulls are omitted on the wire.</summary>
public sealed record QueueItemWire(
    int ItemId,
    string Status,
    int? StatusSequence,
    int Priority,
    string BatchId,
    string? SessionId,
    string QueueId,
    string? Origin,
    string? Destination,
    string? ErrorType,
    string? ErrorMessage,
    string? CreatedAt,
    string? UpdatedAt,
    string? StartedAt,
    string? CompletedAt,
    IReadOnlyList<FieldValueWire>? FieldValues,
    SessionWire? Session);
