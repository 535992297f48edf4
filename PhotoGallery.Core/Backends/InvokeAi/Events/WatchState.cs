namespace PhotoGallery.Core.Backends.InvokeAi.Events;

/// <summary>
/// Book-keeping of one <see cref="InvokeAiQueueWatcher.WatchAsync(IReadOnlyList{int}, Func{InvokeAiItemUpdate, ValueTask}, TimeSpan, CancellationToken)"/>
/// call. Single-threaded, except <see cref="IsWatched"/>, which the event stream asks from its own thread.
/// </summary>
internal sealed class WatchState(IReadOnlyList<int> itemIds)
{
    private readonly HashSet<string> _seen = new(StringComparer.Ordinal);
    private readonly HashSet<int> _watched = itemIds.ToHashSet();

    public HashSet<int> Pending { get; } = itemIds.ToHashSet();
    public HashSet<int> Missing { get; } = [];
    public Dictionary<int, InvokeAiQueueItem> Finished { get; } = [];
    public Dictionary<int, QueueItemStatus> LastStatus { get; } = [];

    /// <summary>Whether an item belongs to this watch (a fixed set: safe to read from any thread).</summary>
    public bool IsWatched(int itemId) => _watched.Contains(itemId);

    /// <summary>True the first time a de-duplication key is seen.</summary>
    public bool FirstSeen(string key) => _seen.Add(key);

    public IReadOnlyList<InvokeAiQueueItem> Items(IReadOnlyList<int> order) =>
        order.Where(Finished.ContainsKey).Select(id => Finished[id]).ToList();
}
