using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace PhotoGallery.Core.Backends.InvokeAi.Events;

/// <summary>
/// Follows queue items to their end: events from the app's one <see cref="InvokeAiEventStream"/> while it is connected
/// (de-duplicated: v6.13 delivers each event twice in single-user mode), polling whenever it is not, and a slow safety
/// poll even when it is (bulk cancels emit no per-item events, reference §4.6). A server that cannot be asked is waited
/// for, never given up on: only InvokeAI itself can end an item (finished, or no longer known).
/// </summary>
public sealed class InvokeAiQueueWatcher(
    InvokeAiClient client,
    InvokeAiEventStream events,
    TimeProvider clock,
    ILogger<InvokeAiQueueWatcher> logger)
{
    /// <summary>While InvokeAI does not answer, polls back off up to this many poll intervals.</summary>
    private const int MaxBackoffFactor = 8;

    public Task<InvokeAiWatchResult> WatchAsync(
        IReadOnlyList<int> itemIds,
        Func<InvokeAiItemUpdate, ValueTask> onUpdate,
        TimeSpan pollInterval,
        CancellationToken cancellationToken) =>
        WatchAsync(itemIds, onUpdate, _ => ValueTask.CompletedTask, pollInterval, cancellationToken);

    /// <param name="onReachability">
    /// Called with the failure when InvokeAI stops answering the watch, and with null when it answers again.
    /// </param>
    public async Task<InvokeAiWatchResult> WatchAsync(
        IReadOnlyList<int> itemIds,
        Func<InvokeAiItemUpdate, ValueTask> onUpdate,
        Func<InvokeAiException?, ValueTask> onReachability,
        TimeSpan pollInterval,
        CancellationToken cancellationToken)
    {
        var state = new WatchState(itemIds);
        var channel = Channel.CreateUnbounded<InvokeAiEvent>();
        using var subscription = events.Subscribe(e =>
        {
            if (state.IsWatched(e.ItemId))
                channel.Writer.TryWrite(e);
            return ValueTask.CompletedTask;
        });
        var failures = 0;
        var pollDue = true;
        while (state.Pending.Count > 0)
        {
            if (pollDue)
            {
                var failure = await PollAsync(state, onUpdate, cancellationToken);
                if (failure is not null && failures++ == 0)
                    await onReachability(failure);
                else if (failure is null && failures > 0)
                {
                    failures = 0;
                    await onReachability(null);
                }
                if (state.Pending.Count == 0)
                    break;
            }
            var wait = failures > 0 ? pollInterval * Math.Min(MaxBackoffFactor, failures)
                : events.IsConnected ? pollInterval * 10
                : pollInterval;
            pollDue = !await WaitForEventsAsync(channel.Reader, wait, cancellationToken);
            var finished = new List<int>();
            while (channel.Reader.TryRead(out var evt))
                await HandleEventAsync(state, evt, onUpdate, finished);
            foreach (var itemId in finished)
            {
                if (!await FetchFinishedAsync(state, itemId, onUpdate, cancellationToken))
                    pollDue = true;   // the poll picks it up once InvokeAI answers
            }
        }
        return new InvokeAiWatchResult(state.Items(itemIds), state.Missing.Order().ToList());
    }

    private async Task<bool> WaitForEventsAsync(ChannelReader<InvokeAiEvent> reader, TimeSpan wait, CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(wait, clock);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(timeout.Token, cancellationToken);
        try
        {
            return await reader.WaitToReadAsync(linked.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task HandleEventAsync(WatchState state, InvokeAiEvent evt, Func<InvokeAiItemUpdate, ValueTask> onUpdate, List<int> finished)
    {
        if (!state.Pending.Contains(evt.ItemId))
            return;
        switch (evt)
        {
            case QueueItemStatusChangedEvent status when state.FirstSeen($"{status.ItemId}:status:{status.Status}:{status.StatusSequence}"):
                state.LastStatus[status.ItemId] = status.Status;
                if (status.Status.IsTerminal())
                    finished.Add(status.ItemId);
                else
                    await onUpdate(new InvokeAiItemUpdate(status.ItemId, status.Status, null, null, null, null));
                break;
            case InvocationProgressEvent progress when state.FirstSeen($"{progress.ItemId}:progress:{progress.InvocationSourceId}:{progress.Percentage}:{progress.Message}"):
                await onUpdate(new InvokeAiItemUpdate(progress.ItemId, QueueItemStatus.InProgress, progress.Percentage, progress.Message, progress.PreviewDataUrl, null));
                break;
        }
    }

    /// <summary>One poll of every pending item; the failure when InvokeAI could not be asked, else null.</summary>
    private async Task<InvokeAiException?> PollAsync(WatchState state, Func<InvokeAiItemUpdate, ValueTask> onUpdate, CancellationToken cancellationToken)
    {
        IReadOnlyList<InvokeAiQueueItem> items;
        try
        {
            items = await client.GetQueueItemsAsync(state.Pending.ToList(), cancellationToken);
        }
        catch (InvokeAiException ex)
        {
            logger.LogDebug(ex, "Polling {ItemCount} InvokeAI queue items failed; waiting for InvokeAI", state.Pending.Count);
            return ex;
        }
        var known = items.Select(i => i.ItemId).ToHashSet();
        foreach (var itemId in state.Pending.Where(id => !known.Contains(id)).ToList())
        {
            logger.LogWarning("InvokeAI no longer knows queue item {ItemId}", itemId);
            state.Pending.Remove(itemId);
            state.Missing.Add(itemId);
        }
        foreach (var item in items)
            await AcceptAsync(state, item, onUpdate);
        return null;
    }

    /// <summary>Fetches an item an event said is finished; false when InvokeAI could not be asked.</summary>
    private async Task<bool> FetchFinishedAsync(WatchState state, int itemId, Func<InvokeAiItemUpdate, ValueTask> onUpdate, CancellationToken cancellationToken)
    {
        if (!state.Pending.Contains(itemId))
            return true;
        InvokeAiQueueItem? item;
        try
        {
            item = await client.GetQueueItemAsync(itemId, cancellationToken);
        }
        catch (InvokeAiException ex)
        {
            logger.LogDebug(ex, "Fetching finished queue item {ItemId} failed; the next poll tries again", itemId);
            return false;
        }
        if (item is null)
        {
            state.Pending.Remove(itemId);
            state.Missing.Add(itemId);
            return true;
        }
        await AcceptAsync(state, item, onUpdate);
        return true;
    }

    private static async Task AcceptAsync(WatchState state, InvokeAiQueueItem item, Func<InvokeAiItemUpdate, ValueTask> onUpdate)
    {
        if (!state.Pending.Contains(item.ItemId))
            return;
        if (item.Status.IsTerminal())
        {
            state.Pending.Remove(item.ItemId);
            state.Finished[item.ItemId] = item;
            await onUpdate(new InvokeAiItemUpdate(item.ItemId, item.Status, item.Status == QueueItemStatus.Completed ? 1 : null, null, null, item));
            return;
        }
        if (state.LastStatus.TryGetValue(item.ItemId, out var last) && last == item.Status)
            return;
        state.LastStatus[item.ItemId] = item.Status;
        await onUpdate(new InvokeAiItemUpdate(item.ItemId, item.Status, null, null, null, null));
    }
}
