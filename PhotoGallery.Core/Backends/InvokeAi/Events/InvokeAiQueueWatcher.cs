using System.Threading.Channels;
using Microsoft.Extensions.Logging;

namespace PhotoGallery.Core.Backends.InvokeAi.Events;

/// <summary>
/// Follows queue items to their end: Socket.IO events while the socket is up (de-duplicated: v6.13 delivers each
/// event twice in single-user mode), polling whenever it is down, and a slow safety poll even when it is up (bulk
/// cancels emit no per-item events, reference §4.6).
/// </summary>
public sealed class InvokeAiQueueWatcher(
    InvokeAiClient client,
    InvokeAiEventConnection events,
    TimeProvider clock,
    ILogger<InvokeAiQueueWatcher> logger)
{
    private const int MaxConsecutivePollFailures = 5;

    public async Task<InvokeAiWatchResult> WatchAsync(
        IReadOnlyList<int> itemIds,
        Func<InvokeAiItemUpdate, ValueTask> onUpdate,
        TimeSpan pollInterval,
        CancellationToken cancellationToken)
    {
        var state = new WatchState(itemIds);
        var channel = Channel.CreateUnbounded<InvokeAiEvent>();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var socketLoop = RunSocketAsync(channel.Writer, pollInterval, stop.Token);
        try
        {
            var pollFailures = 0;
            var pollDue = true;
            while (state.Pending.Count > 0)
            {
                if (pollDue)
                    pollFailures = await PollAsync(state, onUpdate, pollFailures, cancellationToken);
                var wait = events.IsConnected ? pollInterval * 10 : pollInterval;
                pollDue = !await WaitForEventsAsync(channel.Reader, wait, cancellationToken);
                var finished = new List<int>();
                while (channel.Reader.TryRead(out var evt))
                    await HandleEventAsync(state, evt, onUpdate, finished);
                foreach (var itemId in finished)
                    await FetchFinishedAsync(state, itemId, onUpdate, cancellationToken);
            }
        }
        finally
        {
            await stop.CancelAsync();
            await socketLoop;
        }
        return new InvokeAiWatchResult(state.Items(itemIds), state.Missing.Order().ToList());
    }

    private async Task RunSocketAsync(ChannelWriter<InvokeAiEvent> writer, TimeSpan pollInterval, CancellationToken cancellationToken)
    {
        var retryDelay = pollInterval * 4;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await events.RunAsync(e => { writer.TryWrite(e); return ValueTask.CompletedTask; }, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (InvokeAiException ex)
            {
                // Polling covers the gap; the socket is retried below.
                logger.LogDebug(ex, "InvokeAI event stream unavailable; polling until it is back");
            }
            try
            {
                await Task.Delay(retryDelay, clock, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
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

    private async Task<int> PollAsync(WatchState state, Func<InvokeAiItemUpdate, ValueTask> onUpdate, int failures, CancellationToken cancellationToken)
    {
        IReadOnlyList<InvokeAiQueueItem> items;
        try
        {
            items = await client.GetQueueItemsAsync(state.Pending.ToList(), cancellationToken);
        }
        catch (InvokeAiException ex) when (failures + 1 < MaxConsecutivePollFailures)
        {
            logger.LogWarning(ex, "Polling {ItemCount} InvokeAI queue items failed; trying again", state.Pending.Count);
            return failures + 1;
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
        return 0;
    }

    private async Task FetchFinishedAsync(WatchState state, int itemId, Func<InvokeAiItemUpdate, ValueTask> onUpdate, CancellationToken cancellationToken)
    {
        if (!state.Pending.Contains(itemId))
            return;
        var item = await client.GetQueueItemAsync(itemId, cancellationToken);
        if (item is null)
        {
            state.Pending.Remove(itemId);
            state.Missing.Add(itemId);
            return;
        }
        await AcceptAsync(state, item, onUpdate);
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
