namespace PhotoGallery.Core.Backends.InvokeAi;

/// <summary>
/// A queue item as the app sees it. <see cref="ImagesBySourceNode"/> maps our own node ids to the image
/// names their prepared nodes produced (reference §4.4: <c>source_prepared_mapping</c> + <c>results</c>).
/// </summary>
public sealed record InvokeAiQueueItem(
    int ItemId,
    QueueItemStatus Status,
    int StatusSequence,
    string BatchId,
    string? SessionId,
    string? Destination,
    string? ErrorType,
    string? ErrorMessage,
    DateTime? CreatedAt,
    DateTime? UpdatedAt,
    DateTime? StartedAt,
    DateTime? CompletedAt,
    long? Seed,
    IReadOnlyDictionary<string, IReadOnlyList<string>> ImagesBySourceNode)
{
    /// <summary>Image names produced by our node <paramref name="sourceNodeId"/>; empty until the item completed.</summary>
    public IReadOnlyList<string> OutputImages(string sourceNodeId) =>
        ImagesBySourceNode.TryGetValue(sourceNodeId, out var names) ? names : [];
}
