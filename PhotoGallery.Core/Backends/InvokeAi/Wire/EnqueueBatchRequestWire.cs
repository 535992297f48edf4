namespace PhotoGallery.Core.Backends.InvokeAi.Wire;

/// <summary>Body of <c>POST /api/v1/queue/{queue_id}/enqueue_batch</c> (reference §4.1).</summary>
public sealed record EnqueueBatchRequestWire(bool Prepend, BatchWire Batch);
