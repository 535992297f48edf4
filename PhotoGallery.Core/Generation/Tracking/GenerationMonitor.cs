using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhotoGallery.Core.Backends;
using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Backends.InvokeAi.Events;
using PhotoGallery.Core.Backends.InvokeAi.Graphs;
using PhotoGallery.Core.Data;

namespace PhotoGallery.Core.Generation.Tracking;

/// <summary>
/// Follows every queued or running step to its end, one watch per step over the app's one InvokeAI event stream (polling
/// when it is down), writes each change to the database and hands finished images to the <see cref="ImageRetriever"/>.
/// The database is the truth: <see cref="ResumeAsync"/> picks up whatever is in flight, after a restart too.
/// </summary>
public sealed class GenerationMonitor(
    IDbContextFactory<GalleryDbContext> dbFactory,
    InvokeAiQueueWatcher watcher,
    ActiveBackend backend,
    StepStore steps,
    ImageRetriever retriever,
    GenerationNotifier notifier,
    IOptions<GenerationOptions> options,
    TimeProvider clock,
    ILogger<GenerationMonitor> logger) : IAsyncDisposable
{
    private readonly Lock _lock = new();
    private readonly ConcurrentDictionary<Guid, Task> _trackers = new();
    private readonly CancellationTokenSource _stopping = new();

    /// <summary>Whether a step is being followed right now.</summary>
    public bool IsTracking(Guid stepId) => _trackers.ContainsKey(stepId);

    /// <summary>Starts following a step unless it is followed already.</summary>
    public void Track(Guid stepId)
    {
        lock (_lock)
        {
            if (_stopping.IsCancellationRequested || _trackers.ContainsKey(stepId))
                return;
            // The tracker starts only once it is registered, so its own removal can never come first.
            var registered = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _trackers[stepId] = RunTrackerAsync(stepId, registered.Task);
            registered.SetResult();
        }
    }

    /// <summary>Follows every step still queued or processing and retrieves every image left to fetch; returns how many steps.</summary>
    public async Task<int> ResumeAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var active = await db.GenerationSteps.AsNoTracking()
            .Where(s => s.Status == StepStatus.Queued || s.Status == StepStatus.Processing)
            .Select(s => s.Id).ToListAsync(cancellationToken);
        var resumed = 0;
        foreach (var stepId in active.Where(id => !IsTracking(id)))
        {
            Track(stepId);
            resumed++;
        }
        await retriever.RetryDueAsync(cancellationToken);
        if (resumed > 0)
            logger.LogInformation("Following {StepCount} generation steps again", resumed);
        return resumed;
    }

    private async Task RunTrackerAsync(Guid stepId, Task registered)
    {
        await registered;
        var token = _stopping.Token;
        try
        {
            using var scope = logger.BeginScope(new Dictionary<string, object> { ["GenerationStepId"] = stepId });
            await TrackAsync(stepId, token);
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // The app is stopping; ResumeAsync follows the step again after the restart.
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Following generation step {StepId} failed; the resume job tries again", stepId);
        }
        finally
        {
            _trackers.TryRemove(stepId, out _);
        }
    }

    private async Task TrackAsync(Guid stepId, CancellationToken cancellationToken)
    {
        GenerationStep? step;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            step = await db.GenerationSteps.AsNoTracking().Include(s => s.Alternatives).FirstOrDefaultAsync(s => s.Id == stepId, cancellationToken);
        if (step is null || !step.Status.IsInFlight())
            return;

        foreach (var alternative in step.Alternatives.Where(a => a.Status == AlternativeStatus.Retrieving))
            retriever.Enqueue(alternative.Id);
        var watched = step.Alternatives
            .Where(a => a.QueueItemId is not null && a.Status is AlternativeStatus.Queued or AlternativeStatus.Running)
            .ToDictionary(a => a.QueueItemId!.Value);
        if (watched.Count == 0)
        {
            await steps.ChangeAsync(stepId, _ => { }, cancellationToken);
            return;
        }
        if (await OtherServerAsync(step, cancellationToken))
            return;

        var follow = new StepFollower(step, watched, steps, retriever, notifier, clock, logger);
        var result = await watcher.WatchAsync(watched.Keys.ToList(), follow.OnUpdateAsync, follow.OnReachabilityAsync, options.Value.PollInterval, cancellationToken);
        if (result.MissingItemIds.Count == 0 || await OtherServerAsync(step, cancellationToken))
            return;
        var missing = result.MissingItemIds.Select(id => watched[id].Id).ToHashSet();
        logger.LogWarning("InvokeAI no longer knows {ItemCount} queue items of step {StepId}", missing.Count, stepId);
        await steps.ChangeAsync(stepId, s =>
        {
            foreach (var a in s.Alternatives.Where(a => missing.Contains(a.Id) && a.Status is AlternativeStatus.Queued or AlternativeStatus.Running))
            {
                a.Status = AlternativeStatus.Failed;
                a.Error = "InvokeAI no longer knows this image's queue item: it was restarted and lost its queue, or the item was deleted there. Run again to generate it anew.";
            }
        }, cancellationToken);
    }

    /// <summary>
    /// True (and the step marked waiting) when InvokeAI in use now is not the server the step went to: its item ids mean
    /// nothing here, so nothing may be concluded from asking about them.
    /// </summary>
    private async Task<bool> OtherServerAsync(GenerationStep step, CancellationToken cancellationToken)
    {
        var current = (await backend.GetEndpointAsync(cancellationToken)).BaseUri.ToString();
        if (step.BackendUrl is null || step.BackendUrl == current)
            return false;
        var reason = $"This step was sent to the InvokeAI at {step.BackendUrl.TrimEnd('/')}, but the app now uses {current.TrimEnd('/')}. It goes on when that server is in use again.";
        await steps.ChangeAsync(step.Id, s =>
        {
            s.WaitingSince ??= clock.GetUtcNow().UtcDateTime;
            s.WaitingReason = reason;
        }, cancellationToken);
        return true;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        try
        {
            await Task.WhenAll(_trackers.Values);
        }
        catch (Exception ex)
        {
            // Each tracker logs its own failure; stopping must not throw.
            logger.LogDebug(ex, "A step tracker ended with an error while the app stopped");
        }
        _stopping.Dispose();
    }

    /// <summary>One step's watch: queue item updates become alternative changes.</summary>
    private sealed class StepFollower(
        GenerationStep step,
        IReadOnlyDictionary<int, StepAlternative> byItem,
        StepStore steps,
        ImageRetriever retriever,
        GenerationNotifier notifier,
        TimeProvider clock,
        ILogger logger)
    {
        private readonly HashSet<Guid> _running = byItem.Values.Where(a => a.Status == AlternativeStatus.Running).Select(a => a.Id).ToHashSet();

        public async ValueTask OnUpdateAsync(InvokeAiItemUpdate update)
        {
            if (!byItem.TryGetValue(update.ItemId, out var alternative))
                return;
            if (update.Item is { } item)
            {
                await FinishAsync(alternative, item);
                return;
            }
            if (update.Status == QueueItemStatus.InProgress && _running.Add(alternative.Id))
            {
                var now = clock.GetUtcNow().UtcDateTime;
                await steps.ChangeAsync(step.Id, s =>
                {
                    var a = s.Alternatives.First(x => x.Id == alternative.Id);
                    if (a.Status == AlternativeStatus.Queued)
                    {
                        a.Status = AlternativeStatus.Running;
                        a.StartedAt ??= now;
                    }
                }, CancellationToken.None);
            }
            if (update.Percentage is not null || update.PreviewDataUrl is not null)
                notifier.ReportProgress(step.SessionId, step.Id, alternative.Id, new LiveProgress(update.Percentage, update.Message, update.PreviewDataUrl));
        }

        public async ValueTask OnReachabilityAsync(InvokeAiException? failure)
        {
            if (failure is null)
                logger.LogInformation("InvokeAI answers again; step {StepId} goes on", step.Id);
            else
                logger.LogWarning("InvokeAI cannot be asked about step {StepId}; waiting for it: {Reason}", step.Id, failure.Message);
            var now = clock.GetUtcNow().UtcDateTime;
            await steps.ChangeAsync(step.Id, s =>
            {
                s.WaitingSince = failure is null ? null : s.WaitingSince ?? now;
                s.WaitingReason = failure?.Message;
            }, CancellationToken.None);
        }

        private async Task FinishAsync(StepAlternative alternative, InvokeAiQueueItem item)
        {
            var image = item.OutputImages(GraphNodeIds.Output).FirstOrDefault();
            var retrieve = false;
            await steps.ChangeAsync(step.Id, s =>
            {
                var a = s.Alternatives.First(x => x.Id == alternative.Id);
                if (a.Status is not (AlternativeStatus.Queued or AlternativeStatus.Running))
                    return;   // already ended (a cancel read back, or a second report)
                a.StartedAt = item.StartedAt ?? a.StartedAt;
                a.FinishedAt = item.CompletedAt ?? clock.GetUtcNow().UtcDateTime;
                switch (item.Status)
                {
                    case QueueItemStatus.Completed when image is not null:
                        a.Status = AlternativeStatus.Retrieving;
                        a.ImageName = image;
                        a.RetrievalAttempts = 0;
                        a.NextRetrievalAt = null;
                        retrieve = true;
                        break;
                    case QueueItemStatus.Completed:
                        a.Status = AlternativeStatus.Failed;
                        a.Error = "InvokeAI finished this image's queue item but reported no image.";
                        break;
                    case QueueItemStatus.Canceled:
                        a.Status = AlternativeStatus.Canceled;
                        a.Error = "Canceled.";
                        break;
                    default:
                        a.Status = AlternativeStatus.Failed;
                        a.Error = "InvokeAI could not make this image: " + Describe(item);
                        break;
                }
            }, CancellationToken.None);
            if (retrieve)
                retriever.Enqueue(alternative.Id);
        }

        private static string Describe(InvokeAiQueueItem item) => (item.ErrorType, item.ErrorMessage) switch
        {
            (null, null) => "it reported a failure without details.",
            (null, { } message) => message,
            ({ } type, null) => type,
            ({ } type, { } message) => $"{type}: {message}",
        };
    }
}
