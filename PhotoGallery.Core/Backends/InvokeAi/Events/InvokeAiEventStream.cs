using Microsoft.Extensions.Logging;

namespace PhotoGallery.Core.Backends.InvokeAi.Events;

/// <summary>
/// The app's one Socket.IO connection to InvokeAI, shared by everything that follows queue items: it runs while at least
/// one subscriber listens, reconnects with a growing pause when it breaks, and stops when the last subscriber leaves.
/// Never one socket per step or per tab.
/// </summary>
public sealed class InvokeAiEventStream(InvokeAiEventConnection connection, TimeProvider clock, ILogger<InvokeAiEventStream> logger) : IAsyncDisposable
{
    private static readonly TimeSpan FirstRetry = TimeSpan.FromSeconds(1);
    private static readonly TimeSpan LongestRetry = TimeSpan.FromSeconds(15);

    private readonly Lock _lock = new();
    private readonly List<Subscription> _subscribers = [];
    private CancellationTokenSource? _run;
    private Task _loop = Task.CompletedTask;

    /// <summary>True while the socket is connected and subscribed to the queue.</summary>
    public bool IsConnected => connection.IsConnected;

    /// <summary>Hands every followed event to <paramref name="onEvent"/> until the returned handle is disposed.</summary>
    public IDisposable Subscribe(Func<InvokeAiEvent, ValueTask> onEvent)
    {
        var subscription = new Subscription(this, onEvent);
        lock (_lock)
        {
            _subscribers.Add(subscription);
            if (_run is null)
            {
                _run = new CancellationTokenSource();
                _loop = RunAsync(_loop, _run.Token);
            }
        }
        return subscription;
    }

    private void Unsubscribe(Subscription subscription)
    {
        CancellationTokenSource? stop = null;
        lock (_lock)
        {
            if (_subscribers.Remove(subscription) && _subscribers.Count == 0)
            {
                stop = _run;
                _run = null;
            }
        }
        stop?.Cancel();
    }

    private async Task RunAsync(Task previousRun, CancellationToken cancellationToken)
    {
        // Off the subscriber's call stack, and after a run stopped a moment ago has closed its socket: one at a time.
        await Task.Yield();
        await previousRun;
        var retry = FirstRetry;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await connection.RunAsync(DispatchAsync, cancellationToken);
                retry = FirstRetry;
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                break;
            }
            catch (InvokeAiException ex)
            {
                // Subscribers poll while the socket is down; the connection is tried again below.
                logger.LogDebug(ex, "InvokeAI event stream unavailable; retrying in {RetrySeconds} s", retry.TotalSeconds);
            }
            try
            {
                await Task.Delay(retry, clock, cancellationToken);
            }
            catch (OperationCanceledException)
            {
                break;
            }
            retry = TimeSpan.FromTicks(Math.Min(LongestRetry.Ticks, retry.Ticks * 2));
        }
    }

    private async ValueTask DispatchAsync(InvokeAiEvent evt)
    {
        Subscription[] targets;
        lock (_lock)
            targets = [.. _subscribers];
        foreach (var target in targets)
        {
            try
            {
                await target.OnEvent(evt);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                // One subscriber's fault must not cut the others off the stream.
                logger.LogError(ex, "An InvokeAI event subscriber failed on a {EventType} for item {ItemId}", evt.GetType().Name, evt.ItemId);
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        CancellationTokenSource? stop;
        lock (_lock)
        {
            _subscribers.Clear();
            stop = _run;
            _run = null;
        }
        if (stop is not null)
        {
            await stop.CancelAsync();
            await _loop;
            stop.Dispose();
        }
    }

    private sealed class Subscription(InvokeAiEventStream stream, Func<InvokeAiEvent, ValueTask> onEvent) : IDisposable
    {
        private int _disposed;

        public Func<InvokeAiEvent, ValueTask> OnEvent { get; } = onEvent;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0)
                stream.Unsubscribe(this);
        }
    }
}
