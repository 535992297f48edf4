using System.Collections.Concurrent;
using FakeInvokeAi;
using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Backends.InvokeAi.Events;
using PhotoGallery.Core.Backends.InvokeAi.Graphs;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Integration.InvokeAi;

/// <summary>Socket.IO events, de-duplication, and polling whenever the socket is down.</summary>
public sealed class InvokeAiEventsTests
{
    [Fact]
    public async Task RunAsync_SubscribedSocket_ReceivesStatusAndProgressEvents()
    {
        await using var h = await InvokeAiHarness.StartAsync(new FakeInvokeAiOptions { ItemDurationMs = 200, ProgressSteps = 3 });
        var connection = h.Services.GetService(typeof(InvokeAiEventConnection)) as InvokeAiEventConnection;
        var received = new ConcurrentQueue<InvokeAiEvent>();
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        var run = connection!.RunAsync(e => { received.Enqueue(e); return ValueTask.CompletedTask; }, stop.Token);
        await InvokeAiClientContractTests.WaitUntilAsync(() => Task.FromResult(connection.IsConnected));

        var result = await h.Client.EnqueueBatchAsync(InvokeAiGraphBuilder.Build(InvokeAiRequests.For("sd-1") with { Width = 64, Height = 64 }), prepend: false, CancellationToken.None);
        await InvokeAiClientContractTests.WaitUntilAsync(() => Task.FromResult(received.OfType<QueueItemStatusChangedEvent>().Any(e => e.Status == QueueItemStatus.Completed)));
        await stop.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);

        var statuses = received.OfType<QueueItemStatusChangedEvent>().Where(e => e.ItemId == result.ItemIds[0]).ToList();
        Assert.Equal([QueueItemStatus.InProgress, QueueItemStatus.InProgress, QueueItemStatus.Completed, QueueItemStatus.Completed], statuses.Select(s => s.Status));
        Assert.Equal(6, received.OfType<InvocationProgressEvent>().Count());   // 3 steps, each delivered twice (v6.13 single-user)
        Assert.Contains(received.OfType<InvocationProgressEvent>(), p => p.InvocationSourceId == "denoise" && p.PreviewDataUrl is not null);
    }

    [Fact]
    public async Task WatchAsync_SocketUpWithDuplicateEvents_ReportsEachProgressStepOnce()
    {
        await using var h = await InvokeAiHarness.StartAsync(new FakeInvokeAiOptions { ItemDurationMs = 300, ProgressSteps = 3, Faults = new FakeFaults { DuplicateEvents = true } });
        var updates = new List<InvokeAiItemUpdate>();
        var batch = InvokeAiGraphBuilder.Build(InvokeAiRequests.For("sdxl", 2) with { Width = 64, Height = 64 });

        // A 5 s poll interval leaves the progress to the socket, where every event arrives three times.
        var result = await h.Client.EnqueueBatchAsync(batch, prepend: true, CancellationToken.None);
        var watched = await h.Watcher.WatchAsync(result.ItemIds, u => { updates.Add(u); return ValueTask.CompletedTask; }, TimeSpan.FromSeconds(5), Timeouts.Long);

        Assert.All(watched.Items, i => Assert.Equal(QueueItemStatus.Completed, i.Status));
        foreach (var itemId in result.ItemIds)
        {
            var progress = updates.Where(u => u.ItemId == itemId && u.Item is null && u.Percentage is not null).Select(u => u.Percentage!.Value).ToList();
            Assert.Equal(progress.Distinct().Count(), progress.Count);
            Assert.Single(updates, u => u.ItemId == itemId && u.Item is not null);
        }
        Assert.Contains(updates, u => u.Percentage is > 0 and < 1);
    }

    [Fact]
    public async Task WatchAsync_SocketsDisabled_FallsBackToPollingAndCompletes()
    {
        await using var h = await InvokeAiHarness.StartAsync(new FakeInvokeAiOptions { ItemDurationMs = 100, ProgressSteps = 2, Faults = new FakeFaults { SocketsDisabled = true } });
        var updates = new List<InvokeAiItemUpdate>();
        var result = await h.Client.EnqueueBatchAsync(InvokeAiGraphBuilder.Build(InvokeAiRequests.For("flux", 3) with { Width = 64, Height = 64 }), prepend: false, CancellationToken.None);

        var watched = await h.Watcher.WatchAsync(result.ItemIds, u => { updates.Add(u); return ValueTask.CompletedTask; }, TimeSpan.FromMilliseconds(100), Timeouts.Long);

        Assert.Equal(3, watched.Items.Count);
        Assert.All(watched.Items, i => Assert.Equal(QueueItemStatus.Completed, i.Status));
        Assert.DoesNotContain(updates, u => u.PreviewDataUrl is not null);   // only events carry previews
        Assert.Equal(3, updates.Count(u => u.Item is not null));
    }

    [Fact]
    public async Task WatchAsync_SocketDroppedMidway_StillCompletesEveryItem()
    {
        await using var h = await InvokeAiHarness.StartAsync(new FakeInvokeAiOptions { ItemDurationMs = 400, ProgressSteps = 2 });
        var result = await h.Client.EnqueueBatchAsync(InvokeAiGraphBuilder.Build(InvokeAiRequests.For("sd-1", 3) with { Width = 64, Height = 64 }), prepend: false, CancellationToken.None);
        var dropped = false;

        var watched = await h.Watcher.WatchAsync(result.ItemIds, u =>
        {
            if (!dropped && u.Item is not null)
            {
                dropped = true;
                h.Fake.Sockets.DropAll();
            }
            return ValueTask.CompletedTask;
        }, TimeSpan.FromMilliseconds(150), Timeouts.Long);

        Assert.True(dropped);
        Assert.All(watched.Items, i => Assert.Equal(QueueItemStatus.Completed, i.Status));
        Assert.Equal(3, watched.Items.Count);
    }
}
