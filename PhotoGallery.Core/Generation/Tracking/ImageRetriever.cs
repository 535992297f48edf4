using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Photos;
using PhotoGallery.Core.Storage;

namespace PhotoGallery.Core.Generation.Tracking;

/// <summary>
/// Downloads finished images and their metadata (a few at a time) and stores each through the same
/// <see cref="PhotoIngest"/> path as uploads, exactly once: the photo has the alternative's id, its InvokeAI image name is
/// unique, and the photo row and the alternative's "done" are one transaction. A failed download is tried again with
/// backoff up to <see cref="GenerationOptions.RetrievalMaxAttempts"/>; an image the ingest refuses fails with its reason.
/// </summary>
public sealed class ImageRetriever(
    IDbContextFactory<GalleryDbContext> dbFactory,
    InvokeAiClient client,
    PhotoIngest ingest,
    StepStore steps,
    IOptions<GenerationOptions> options,
    TimeProvider clock,
    ILogger<ImageRetriever> logger) : IAsyncDisposable
{
    private const int MaxMetadataLength = 20000;

    private readonly Channel<Guid> _queue = Channel.CreateUnbounded<Guid>();
    private readonly ConcurrentDictionary<Guid, byte> _queued = new();
    private readonly CancellationTokenSource _stopping = new();
    private readonly Lock _lock = new();
    private Task[]? _workers;

    /// <summary>Queues an alternative's image for retrieval (once: a queued or running one is not queued again).</summary>
    public void Enqueue(Guid alternativeId)
    {
        if (_stopping.IsCancellationRequested || !_queued.TryAdd(alternativeId, 0))
            return;
        lock (_lock)
        {
            _workers ??= Enumerable.Range(0, options.Value.RetrievalConcurrency).Select(_ => Task.Run(WorkAsync)).ToArray();
        }
        _queue.Writer.TryWrite(alternativeId);
    }

    /// <summary>Queues every image whose retry is due, or which a crash left without one; returns how many.</summary>
    public async Task<int> RetryDueAsync(CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var due = await db.StepAlternatives.AsNoTracking()
            .Where(a => a.Status == AlternativeStatus.Retrieving && (a.NextRetrievalAt == null || a.NextRetrievalAt <= now))
            .Select(a => a.Id).ToListAsync(cancellationToken);
        foreach (var id in due)
            Enqueue(id);
        return due.Count;
    }

    /// <summary>"Retry": the images of a step that could not be retrieved get a fresh set of attempts.</summary>
    public async Task<int> RetryAsync(Guid stepId, CancellationToken cancellationToken)
    {
        List<Guid> again = [];
        await steps.ChangeAsync(stepId, s =>
        {
            foreach (var a in s.Alternatives.Where(a => a.Status == AlternativeStatus.Failed && a.ImageName is not null && a.PhotoId is null))
            {
                a.Status = AlternativeStatus.Retrieving;
                a.RetrievalAttempts = 0;
                a.NextRetrievalAt = null;
                a.Error = null;
                again.Add(a.Id);
            }
        }, cancellationToken);
        foreach (var id in again)
            Enqueue(id);
        return again.Count;
    }

    private async Task WorkAsync()
    {
        var token = _stopping.Token;
        try
        {
            await foreach (var id in _queue.Reader.ReadAllAsync(token))
            {
                try
                {
                    await RetrieveAsync(id, token);
                }
                catch (OperationCanceledException) when (token.IsCancellationRequested)
                {
                    return;   // the app stops; the alternative stays "retrieving" and is resumed at the next start
                }
                catch (Exception ex)
                {
                    logger.LogError(ex, "Retrieving the image of alternative {AlternativeId} failed unexpectedly", id);
                    await FailedAttemptAsync(id, "An internal error stopped the download; see the log.", CancellationToken.None);
                }
                finally
                {
                    _queued.TryRemove(id, out _);
                }
            }
        }
        catch (OperationCanceledException) when (token.IsCancellationRequested)
        {
            // Stopping.
        }
    }

    private async Task RetrieveAsync(Guid alternativeId, CancellationToken cancellationToken)
    {
        StepAlternative? alternative;
        GenerationStep? step;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            alternative = await db.StepAlternatives.AsNoTracking().FirstOrDefaultAsync(a => a.Id == alternativeId, cancellationToken);
            step = alternative is null ? null : await db.GenerationSteps.AsNoTracking().FirstAsync(s => s.Id == alternative.StepId, cancellationToken);
        }
        if (alternative is not { Status: AlternativeStatus.Retrieving, ImageName: { } imageName } || step is null)
            return;
        if (alternative.NextRetrievalAt > clock.GetUtcNow().UtcDateTime)
            return;

        byte[] png;
        JsonObject? metadata;
        try
        {
            png = await client.GetImageAsync(imageName, cancellationToken);
            metadata = await client.GetImageMetadataAsync(imageName, cancellationToken);
        }
        catch (InvokeAiException ex)
        {
            await FailedAttemptAsync(alternativeId, ex.Message, cancellationToken);
            return;
        }

        var attempts = alternative.RetrievalAttempts + 1;
        var now = clock.GetUtcNow().UtcDateTime;
        var outcome = await ingest.IngestAsync(new MemoryStream(png), new IngestRequest
        {
            FileName = GeneratedNames.FileName(step.Prompt, alternative.Seed),
            PhotoId = alternative.Id,
            OriginalPath = (_, _) => StoragePaths.GeneratedVariant(step.SessionId, step.Id, alternative.Id),
            Describe = photo => Describe(photo, step, alternative, imageName, metadata, attempts, now),
            InSameTransaction = (db, ct) => db.StepAlternatives.Where(a => a.Id == alternativeId).ExecuteUpdateAsync(u => u
                .SetProperty(a => a.Status, AlternativeStatus.Done)
                .SetProperty(a => a.PhotoId, alternativeId)
                .SetProperty(a => a.RetrievalAttempts, attempts)
                .SetProperty(a => a.NextRetrievalAt, (DateTime?)null)
                .SetProperty(a => a.Error, (string?)null), ct),
        }, cancellationToken);

        switch (outcome.Status)
        {
            case UploadStatus.Stored:
                await steps.ChangeAsync(step.Id, _ => { }, CancellationToken.None);
                break;
            case UploadStatus.Duplicate:
                // Stored by an earlier try whose "done" was written with it: nothing more to store.
                await steps.ChangeAsync(step.Id, s => MarkDone(s, alternativeId), CancellationToken.None);
                break;
            case UploadStatus.Rejected:
                logger.LogWarning("Refused the image InvokeAI sent for alternative {AlternativeId}: {Reason}", alternativeId, outcome.Message);
                await steps.ChangeAsync(step.Id, s =>
                {
                    var a = s.Alternatives.First(x => x.Id == alternativeId);
                    a.Status = AlternativeStatus.Failed;
                    a.RetrievalAttempts = attempts;
                    a.Error = "InvokeAI sent an image this app refuses: " + outcome.Message;
                }, CancellationToken.None);
                break;
            default:
                await FailedAttemptAsync(alternativeId, outcome.Message, cancellationToken);
                break;
        }
    }

    private static void MarkDone(GenerationStep step, Guid alternativeId)
    {
        var a = step.Alternatives.First(x => x.Id == alternativeId);
        a.Status = AlternativeStatus.Done;
        a.PhotoId = alternativeId;
        a.Error = null;
        a.NextRetrievalAt = null;
    }

    private async Task FailedAttemptAsync(Guid alternativeId, string reason, CancellationToken cancellationToken)
    {
        Guid? stepId;
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            stepId = await db.StepAlternatives.Where(a => a.Id == alternativeId).Select(a => (Guid?)a.StepId).FirstOrDefaultAsync(cancellationToken);
        if (stepId is null)
            return;
        var max = options.Value.RetrievalMaxAttempts;
        var now = clock.GetUtcNow().UtcDateTime;
        await steps.ChangeAsync(stepId.Value, s =>
        {
            var a = s.Alternatives.First(x => x.Id == alternativeId);
            if (a.Status != AlternativeStatus.Retrieving)
                return;
            a.RetrievalAttempts++;
            if (a.RetrievalAttempts >= max)
            {
                a.Status = AlternativeStatus.Failed;
                a.NextRetrievalAt = null;
                a.Error = $"The image could not be downloaded from InvokeAI ({a.RetrievalAttempts} attempts): {reason}";
                logger.LogWarning("Gave up retrieving alternative {AlternativeId} after {Attempts} attempts: {Reason}", alternativeId, a.RetrievalAttempts, reason);
            }
            else
            {
                a.NextRetrievalAt = now + options.Value.RetrievalBackoff(a.RetrievalAttempts);
                a.Error = $"Download attempt {a.RetrievalAttempts} of {max} failed; trying again: {reason}";
                logger.LogWarning("Retrieving alternative {AlternativeId} failed (attempt {Attempt} of {MaxAttempts}); next try at {NextAttemptAt}: {Reason}",
                    alternativeId, a.RetrievalAttempts, max, a.NextRetrievalAt, reason);
            }
        }, CancellationToken.None);
    }

    /// <summary>The photo's recipe and lineage: the step's parameters with this alternative's seed, merged with what InvokeAI recorded.</summary>
    private void Describe(Photo photo, GenerationStep step, StepAlternative alternative, string imageName, JsonObject? metadata, int attempts, DateTime now)
    {
        var parameters = RecipeMerge.Merge(step.Parameters, alternative.Seed, metadata, out var conflict);
        if (conflict is not null)
            logger.LogWarning("InvokeAI's metadata of {ImageName} disagrees with the step: {Conflict}", imageName, conflict);
        var json = metadata?.ToJsonString();
        photo.IsGenerated = true;
        photo.GenerationPrompt = step.Prompt;
        photo.GenerationNegativePrompt = step.NegativePrompt;
        photo.GenerationParameters = parameters;
        photo.SourcePhotoId = step.SourcePhotoId;
        photo.GenerationStepId = step.Id;
        photo.InvokeAiImageName = imageName;
        photo.InvokeAiMetadata = json is { Length: <= MaxMetadataLength } ? json : null;
        photo.ModelKey = step.ModelKey;
        photo.ModelHash = step.ModelHash;
        photo.ModelName = step.ModelName;
        photo.RetrievalStatus = RetrievalStatus.Completed;
        photo.RetrievalAttempts = attempts;
        photo.LastRetrievalAttemptAt = now;
        photo.GenerationStartedAt = alternative.StartedAt;
        photo.GenerationFinishedAt = alternative.FinishedAt;
        photo.TakenAt = alternative.FinishedAt ?? now;
        photo.SortKey = photo.TakenAt.Value;
    }

    public async ValueTask DisposeAsync()
    {
        await _stopping.CancelAsync();
        _queue.Writer.TryComplete();
        if (_workers is { } workers)
            await Task.WhenAll(workers);
        _stopping.Dispose();
    }
}
