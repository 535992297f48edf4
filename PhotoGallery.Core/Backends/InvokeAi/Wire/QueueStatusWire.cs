namespace PhotoGallery.Core.Backends.InvokeAi.Wire;

/// <summary><c>GET /api/v1/queue/{queue_id}/status</c> (reference §4.8).</summary>
public sealed record QueueStatusWire(QueueCountsWire Queue, ProcessorStatusWire Processor);
