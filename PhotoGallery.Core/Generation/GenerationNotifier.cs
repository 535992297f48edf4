using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace PhotoGallery.Core.Generation;

/// <summary>
/// Tells the open circuits (tabs) what changed in generation. Durable state goes to the database first, then this
/// singleton passes the news on; live progress (percentages, denoising previews) lives only here.
/// </summary>
public sealed class GenerationNotifier(ILogger<GenerationNotifier> logger)
{
    private readonly Lock _lock = new();
    private readonly List<Listener> _listeners = [];
    private readonly ConcurrentDictionary<Guid, LiveProgress> _progress = new();

    /// <summary>Calls <paramref name="callback"/> for every change in session <paramref name="sessionId"/> (or in any session when null).</summary>
    public IDisposable Subscribe(Guid? sessionId, Func<GenerationChange, Task> callback)
    {
        var listener = new Listener(this, sessionId, callback);
        lock (_lock)
            _listeners.Add(listener);
        return listener;
    }

    public void Publish(GenerationChange change)
    {
        Listener[] targets;
        lock (_lock)
            targets = _listeners.Where(l => l.SessionId is null || l.SessionId == change.SessionId).ToArray();
        foreach (var target in targets)
            _ = DeliverAsync(target, change);
    }

    /// <summary>Live progress of an alternative that InvokeAI is working on, or null.</summary>
    public LiveProgress? Progress(Guid alternativeId) => _progress.GetValueOrDefault(alternativeId);

    public void ReportProgress(Guid sessionId, Guid stepId, Guid alternativeId, LiveProgress progress)
    {
        // A progress event without a preview keeps the last preview: the admin copy of each event carries none.
        _progress.AddOrUpdate(alternativeId, progress, (_, old) => progress with { PreviewDataUrl = progress.PreviewDataUrl ?? old.PreviewDataUrl });
        Publish(new GenerationChange(sessionId, stepId, alternativeId, GenerationChangeKind.Progress));
    }

    public void ClearProgress(Guid alternativeId) => _progress.TryRemove(alternativeId, out _);

    private async Task DeliverAsync(Listener listener, GenerationChange change)
    {
        try
        {
            await listener.Callback(change);
        }
        catch (Exception ex)
        {
            // A tab that closed or broke must not stop the news reaching the others.
            logger.LogDebug(ex, "A generation listener failed on a change of session {SessionId}", change.SessionId);
        }
    }

    private void Remove(Listener listener)
    {
        lock (_lock)
            _listeners.Remove(listener);
    }

    private sealed class Listener(GenerationNotifier owner, Guid? sessionId, Func<GenerationChange, Task> callback) : IDisposable
    {
        public Guid? SessionId { get; } = sessionId;
        public Func<GenerationChange, Task> Callback { get; } = callback;

        public void Dispose() => owner.Remove(this);
    }
}
