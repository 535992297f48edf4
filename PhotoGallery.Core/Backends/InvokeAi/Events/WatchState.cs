namespace PhotoGallery.Core.Backends.InvokeAi.Events;

/// <summary>Book-keeping of one <see cref="InvokeAiQueueWatcher.WatchAsync"/> call (single-threaded).</summary>
internal sealed class WatchState(IReadOnlyList<int> itemIds)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);

    public HashSet<int> Pending { get; } = itemIds.ToHashSet();
    public HashSet<int> Missing { get; } = [];
    public Dictionary<int, InvokeAiQueueItem> Finished { get; } = [];
    public Dictionary<int, QueueItemStatus> LastStatus { get; } = [];

    /// <summary>True the first time a de-duplication key is seen.</summary>
    public bool FirstSeen(string key) => _seen.Add(key);

    public IReadOnlyList<InvokeAiQueueItem> Items(IReadOnlyList<int> order) =>
        order.Where(Finished.ContainsKey).Select(id => Finished[id]).ToList();
}
