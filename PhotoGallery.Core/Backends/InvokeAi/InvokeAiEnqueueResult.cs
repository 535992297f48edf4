namespace PhotoGallery.Core.Backends.InvokeAi;

/// <summary>What an accepted batch became: its id and its queue items in creation order.</summary>
public sealed record InvokeAiEnqueueResult(string BatchId, IReadOnlyList<int> ItemIds, int Enqueued, int Requested);
