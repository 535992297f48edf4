namespace PhotoGallery.Core.Backends.InvokeAi.Wire;

/// <summary>Body of <c>PUT /api/v1/queue/{queue_id}/cancel_by_batch_ids</c> (reference §4.6).</summary>
public sealed record BatchIdsRequestWire(IReadOnlyList<string> BatchIds);
