namespace PhotoGallery.Core.Backends.InvokeAi.Wire;

/// <summary>Answer to an enqueue (reference §4.1); <c>item_ids</c> is descending and absent before v6.0.</summary>
public sealed record EnqueueBatchResponseWire(
    string QueueId,
    int Enqueued,
    int Requested,
    int Priority,
    BatchEchoWire? Batch,
    IReadOnlyList<int>? ItemIds);
