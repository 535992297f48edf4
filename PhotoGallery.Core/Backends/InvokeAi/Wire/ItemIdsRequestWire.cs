namespace PhotoGallery.Core.Backends.InvokeAi.Wire;

/// <summary>Body of <c>POST /api/v1/queue/{queue_id}/items_by_ids</c> (reference §4.5).</summary>
public sealed record ItemIdsRequestWire(IReadOnlyList<int> ItemIds);
