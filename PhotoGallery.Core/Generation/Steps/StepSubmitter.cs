using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhotoGallery.Core.Backends;
using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Backends.InvokeAi.Graphs;
using PhotoGallery.Core.Common;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Generation.Tracking;
using PhotoGallery.Core.Models;

namespace PhotoGallery.Core.Generation.Steps;

/// <summary>
/// Submits steps: validate, store the step (pending) with one alternative per seed, build the graph for the model's
/// base, enqueue it once (never retried blindly), keep the batch id and the item ids of this enqueue, then hand the
/// step to the <see cref="GenerationMonitor"/>. Also "Same settings, new seeds", "Run again" and cancel.
/// </summary>
public sealed class StepSubmitter(
    IDbContextFactory<GalleryDbContext> dbFactory,
    AiModelService models,
    SourceImages sources,
    InvokeAiClient client,
    ActiveBackend backend,
    StepStore steps,
    GenerationMonitor monitor,
    IOptions<GenerationOptions> options,
    TimeProvider clock,
    ILogger<StepSubmitter> logger)
{
    private readonly ConcurrentDictionary<Guid, byte> _submitting = new();

    /// <summary>Stores and enqueues a step: in a new session when <paramref name="sessionId"/> is null.</summary>
    /// <exception cref="GenerationValidationException">The input breaks a rule; nothing was stored.</exception>
    public async Task<StepRef> SubmitAsync(Guid? sessionId, GenerationInput input, CancellationToken cancellationToken)
    {
        var model = string.IsNullOrEmpty(input.ModelKey) ? null : await models.FindAsync(input.ModelKey, cancellationToken);
        var errors = GenerationInputValidator.Validate(input, model, options.Value.MaxBatchSize);
        if (errors.Count > 0)
            throw new GenerationValidationException(errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var seeds = GenerationInputValidator.Seeds(input, Random.Shared);
        var flux = model!.Base == ModelBases.Flux;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        GenerationSession session;
        if (sessionId is { } id)
        {
            session = await db.GenerationSessions.FirstOrDefaultAsync(s => s.Id == id, cancellationToken)
                ?? throw new UserFacingException("That session no longer exists.");
            if (session.Status != SessionStatus.Active)
                throw new UserFacingException($"This session is {session.Status.ToString().ToLowerInvariant()}; reopen it to add steps.");
        }
        else
        {
            session = new GenerationSession
            {
                Title = StepRecipe.TitleFrom(input.Prompt),
                EntryType = input.SourcePhotoId is null ? SessionEntryType.Scratch : SessionEntryType.Photo,
                SourcePhotoId = input.SourcePhotoId,
                CreatedAt = now,
                UpdatedAt = now,
            };
            db.GenerationSessions.Add(session);
        }

        Guid? parentStepId = null;
        if (input.ParentAlternativeId is { } parent)
        {
            parentStepId = await db.StepAlternatives.Where(a => a.Id == parent && a.Step!.SessionId == session.Id)
                .Select(a => (Guid?)a.StepId).FirstOrDefaultAsync(cancellationToken)
                ?? throw new UserFacingException("The image to continue from is not part of this session.");
        }
        var position = await db.GenerationSteps.Where(s => s.SessionId == session.Id).MaxAsync(s => (int?)s.Position, cancellationToken) ?? 0;
        var step = new GenerationStep
        {
            SessionId = session.Id,
            Position = position + 1,
            ParentAlternativeId = input.ParentAlternativeId,
            ParentStepId = parentStepId,
            Prompt = input.Prompt,
            // FLUX graphs have no negative prompt (reference §7.5): the page says so; the step records what was sent.
            NegativePrompt = flux || string.IsNullOrWhiteSpace(input.NegativePrompt) ? null : input.NegativePrompt,
            Parameters = StepRecipe.ToParameters(input, model.Base, seeds[0]),
            ModelKey = model.Key,
            ModelHash = model.Hash,
            ModelName = model.Name,
            BatchSize = seeds.Count,
            SourcePhotoId = input.SourcePhotoId,
            CreatedAt = now,
            Alternatives = seeds.Select((seed, i) => new StepAlternative { Position = i, Seed = seed }).ToList(),
        };
        db.GenerationSteps.Add(step);
        session.UpdatedAt = now;
        _submitting.TryAdd(step.Id, 0);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            logger.LogInformation("Stored step {StepPosition} of session {SessionId}: {ImageCount} images with {ModelName}",
                step.Position, session.Id, seeds.Count, model.Name);
            await models.MarkUsedAsync(model.Key, cancellationToken);
            await EnqueueAsync(step.Id, step.Alternatives.Select(a => a.Id).ToList(), cancellationToken);
        }
        finally
        {
            _submitting.TryRemove(step.Id, out _);
        }
        return new StepRef(session.Id, step.Id);
    }

    /// <summary>A new step with the recipe of <paramref name="stepId"/> (same source and parent) and fresh random seeds.</summary>
    public async Task<StepRef> SameSettingsAsync(Guid stepId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var step = await db.GenerationSteps.AsNoTracking().FirstOrDefaultAsync(s => s.Id == stepId, cancellationToken)
            ?? throw new UserFacingException("That step no longer exists.");
        var input = StepRecipe.ToInput(step.Prompt, step.NegativePrompt, step.ModelKey, step.Parameters, step.SourcePhotoId);
        input.RandomSeed = true;
        input.BatchSize = step.BatchSize;
        input.ParentAlternativeId = step.ParentAlternativeId;
        return await SubmitAsync(step.SessionId, input, cancellationToken);
    }

    /// <summary>Enqueues the failed or canceled alternatives of a step again (same seeds, a new batch); they never made an image.</summary>
    public async Task RunAgainAsync(Guid stepId, CancellationToken cancellationToken)
    {
        List<Guid> again = [];
        var step = await steps.ChangeAsync(stepId, s =>
        {
            foreach (var a in s.Alternatives.Where(a => a.Status is AlternativeStatus.Failed or AlternativeStatus.Canceled && a.ImageName is null))
            {
                a.Status = AlternativeStatus.Pending;
                a.Error = null;
                a.QueueItemId = null;
                again.Add(a.Id);
            }
            if (again.Count > 0)
                s.Error = null;
        }, cancellationToken) ?? throw new UserFacingException("That step no longer exists.");
        if (step.Session!.Status != SessionStatus.Active)
            throw new UserFacingException("Reopen the session to run its steps again.");
        if (again.Count == 0)
            return;
        logger.LogInformation("Running {ImageCount} images of step {StepId} again", again.Count, stepId);
        await EnqueueAsync(stepId, again, cancellationToken);
    }

    /// <summary>Cancels what is still queued or running in InvokeAI (by batch id); finished images stay.</summary>
    /// <exception cref="InvokeAiException">InvokeAI could not be asked; nothing changed.</exception>
    public async Task CancelAsync(Guid stepId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var step = await db.GenerationSteps.AsNoTracking().Include(s => s.Alternatives).FirstOrDefaultAsync(s => s.Id == stepId, cancellationToken)
            ?? throw new UserFacingException("That step no longer exists.");
        if (!step.Status.IsInFlight())
            return;
        if (step.InvokeAiBatchId is { } batchId)
        {
            await client.CancelBatchesAsync([batchId], cancellationToken);
            // v6.13 emits no per-item event for the pending items a bulk cancel flips (reference §4.6): read them now.
            var ids = step.Alternatives.Where(a => a.QueueItemId is not null && a.Status is AlternativeStatus.Queued or AlternativeStatus.Running)
                .Select(a => a.QueueItemId!.Value).ToList();
            var items = ids.Count == 0 ? [] : await client.GetQueueItemsAsync(ids, cancellationToken);
            var canceled = items.Where(i => i.Status == QueueItemStatus.Canceled).Select(i => i.ItemId).ToHashSet();
            await steps.ChangeAsync(stepId, s =>
            {
                foreach (var a in s.Alternatives.Where(a => a.QueueItemId is { } item && canceled.Contains(item) && a.Status is AlternativeStatus.Queued or AlternativeStatus.Running))
                {
                    a.Status = AlternativeStatus.Canceled;
                    a.Error = "Canceled.";
                }
            }, cancellationToken);
        }
        await steps.ChangeAsync(stepId, s =>
        {
            foreach (var a in s.Alternatives.Where(a => a.Status == AlternativeStatus.Pending))
            {
                a.Status = AlternativeStatus.Canceled;
                a.Error = "Canceled before InvokeAI queued it.";
            }
        }, cancellationToken);
        logger.LogInformation("Canceled step {StepId}", stepId);
    }

    /// <summary>
    /// Steps left pending by a crash between storing and enqueueing: adopts what InvokeAI did queue (found by the step's
    /// destination), else fails them with "Run again".
    /// </summary>
    public async Task<int> RecoverInterruptedAsync(CancellationToken cancellationToken)
    {
        var cutoff = clock.GetUtcNow().UtcDateTime - TimeSpan.FromMinutes(1);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var pending = await db.GenerationSteps.AsNoTracking()
            .Where(s => s.Alternatives.Any(a => a.Status == AlternativeStatus.Pending) && s.CreatedAt < cutoff)
            .Select(s => s.Id).ToListAsync(cancellationToken);
        var recovered = 0;
        foreach (var stepId in pending.Where(id => !_submitting.ContainsKey(id)))
        {
            IReadOnlyList<InvokeAiQueueItem> queued;
            try
            {
                queued = await client.ListQueueItemsByDestinationAsync(Destination(stepId), cancellationToken);
            }
            catch (InvokeAiException ex)
            {
                logger.LogDebug(ex, "Cannot ask InvokeAI about interrupted step {StepId} yet", stepId);
                continue;
            }
            var endpoint = await backend.GetEndpointAsync(cancellationToken);
            await steps.ChangeAsync(stepId, s =>
            {
                var bySeed = queued.Where(i => i.Seed is not null).GroupBy(i => i.Seed!.Value).ToDictionary(g => g.Key, g => g.OrderBy(i => i.ItemId).Last());
                foreach (var a in s.Alternatives.Where(a => a.Status == AlternativeStatus.Pending))
                {
                    if (bySeed.TryGetValue(a.Seed, out var item))
                    {
                        a.QueueItemId = item.ItemId;
                        a.Status = AlternativeStatus.Queued;
                        s.InvokeAiBatchId = item.BatchId;
                        s.BackendUrl = endpoint.BaseUri.ToString();
                    }
                    else
                    {
                        a.Status = AlternativeStatus.Failed;
                        a.Error = "The app stopped before InvokeAI queued this image. Run again to generate it.";
                    }
                }
                s.QueueItemIds = s.Alternatives.Where(a => a.QueueItemId is not null).Select(a => a.QueueItemId!.Value).Order().ToList();
            }, cancellationToken);
            monitor.Track(stepId);
            recovered++;
        }
        return recovered;
    }

    /// <summary>Each step's own correlation value: echoed on its queue items and events (reference §8).</summary>
    public static string Destination(Guid stepId) => "photogallery-step-" + stepId.ToString("N");

    private async Task EnqueueAsync(Guid stepId, IReadOnlyList<Guid> alternativeIds, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var step = await db.GenerationSteps.AsNoTracking().Include(s => s.Alternatives).FirstAsync(s => s.Id == stepId, cancellationToken);
        var alternatives = step.Alternatives.Where(a => alternativeIds.Contains(a.Id)).OrderBy(a => a.Position).ToList();
        var endpoint = await backend.GetEndpointAsync(cancellationToken);

        InvokeAiBatch batch;
        try
        {
            batch = InvokeAiGraphBuilder.Build(await BuildRequestAsync(step, alternatives, cancellationToken));
        }
        catch (UserFacingException ex)
        {
            await FailAsync(stepId, alternativeIds, ex.Message, cancellationToken);
            return;
        }

        IReadOnlyList<int> itemIds;
        try
        {
            itemIds = (await client.EnqueueBatchAsync(batch, prepend: false, cancellationToken)).ItemIds;
        }
        catch (InvokeAiConnectionException ex)
        {
            // The answer was lost, not necessarily the request: what InvokeAI queued for this batch is ours.
            itemIds = await FindEnqueuedAsync(batch, cancellationToken);
            if (itemIds.Count == 0)
            {
                await FailAsync(stepId, alternativeIds, "Nothing was queued: " + ex.Message, cancellationToken);
                return;
            }
            logger.LogWarning("The answer to enqueueing step {StepId} was lost, but InvokeAI had queued {ItemCount} items; following them", stepId, itemIds.Count);
        }
        catch (InvokeAiException ex)
        {
            await FailAsync(stepId, alternativeIds, ex.Message, cancellationToken);
            return;
        }

        var seedOfItem = await SeedsOfAsync(itemIds, cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        await steps.ChangeAsync(stepId, s =>
        {
            var free = itemIds.Order().ToList();
            foreach (var a in s.Alternatives.Where(a => alternativeIds.Contains(a.Id)).OrderBy(a => a.Position))
            {
                // Match by the seed InvokeAI applied; in creation order when items could not be read back.
                var item = free.FirstOrDefault(i => seedOfItem.TryGetValue(i, out var seed) && seed == a.Seed);
                if (item == 0 && seedOfItem.Count == 0 && free.Count > 0)
                    item = free[0];
                if (item == 0)
                {
                    a.Status = AlternativeStatus.Failed;
                    a.Error = "InvokeAI did not queue this image.";
                    continue;
                }
                free.Remove(item);
                a.QueueItemId = item;
                a.Status = AlternativeStatus.Queued;
            }
            s.InvokeAiBatchId = batch.BatchId;
            s.BackendUrl = endpoint.BaseUri.ToString();
            s.SubmittedAt = now;
            s.QueueItemIds = s.Alternatives.Where(a => a.QueueItemId is not null).Select(a => a.QueueItemId!.Value).Order().ToList();
        }, CancellationToken.None);
        monitor.Track(stepId);
    }

    private async Task<GenerationRequest> BuildRequestAsync(GenerationStep step, IReadOnlyList<StepAlternative> alternatives, CancellationToken cancellationToken)
    {
        var p = step.Parameters;
        var model = await ModelAsync(step.ModelKey, "model", cancellationToken);
        Img2ImgSource? source = null;
        if (step.SourcePhotoId is { } photoId)
        {
            string imageName;
            try
            {
                imageName = await sources.ResolveAsync(photoId, p.Width, p.Height, cancellationToken);
            }
            catch (InvokeAiException ex)
            {
                throw new UserFacingException("The source image could not be uploaded to InvokeAI: " + ex.Message, ex);
            }
            source = new Img2ImgSource(imageName, p.Width, p.Height, p.Strength ?? 0.5);
        }
        return new GenerationRequest
        {
            Model = model,
            Prompt = step.Prompt,
            NegativePrompt = step.NegativePrompt ?? "",
            Width = p.Width,
            Height = p.Height,
            Steps = p.Steps,
            CfgScale = p.CfgScale,
            Scheduler = p.Scheduler,
            Guidance = p.Guidance ?? 4,
            Seeds = alternatives.Select(a => a.Seed).ToList(),
            Vae = p.VaeKey is { Length: > 0 } vae ? await ModelAsync(vae, "VAE", cancellationToken) : null,
            T5Encoder = p.T5EncoderKey is { Length: > 0 } t5 ? await ModelAsync(t5, "T5 encoder", cancellationToken) : null,
            ClipEmbed = p.ClipEmbedKey is { Length: > 0 } clip ? await ModelAsync(clip, "CLIP embed model", cancellationToken) : null,
            Source = source,
            Destination = Destination(step.Id),
            BatchId = Guid.CreateVersion7().ToString(),
        };
    }

    private async Task<ModelIdentifier> ModelAsync(string key, string what, CancellationToken cancellationToken)
    {
        var model = await models.FindAsync(key, cancellationToken);
        if (model is null || !model.IsAvailable)
            throw new UserFacingException($"The {what} {(model?.Name ?? key)} is no longer installed in InvokeAI. Refresh the Models page and choose another.");
        return new ModelIdentifier(model.Key, model.Hash, model.Name, model.Base, model.Type);
    }

    private async Task<IReadOnlyList<int>> FindEnqueuedAsync(InvokeAiBatch batch, CancellationToken cancellationToken)
    {
        try
        {
            var items = await client.ListQueueItemsByDestinationAsync(batch.Destination, cancellationToken);
            return items.Where(i => i.BatchId == batch.BatchId).Select(i => i.ItemId).ToList();
        }
        catch (InvokeAiException)
        {
            return [];
        }
    }

    private async Task<Dictionary<int, long>> SeedsOfAsync(IReadOnlyList<int> itemIds, CancellationToken cancellationToken)
    {
        try
        {
            var items = await client.GetQueueItemsAsync(itemIds, cancellationToken);
            return items.Where(i => i.Seed is not null).ToDictionary(i => i.ItemId, i => i.Seed!.Value);
        }
        catch (InvokeAiException ex)
        {
            logger.LogWarning(ex, "Could not read back the {ItemCount} queued items; matching them to seeds in creation order", itemIds.Count);
            return [];
        }
    }

    private Task FailAsync(Guid stepId, IReadOnlyList<Guid> alternativeIds, string reason, CancellationToken cancellationToken)
    {
        logger.LogWarning("Step {StepId} could not be queued: {Reason}", stepId, reason);
        return steps.ChangeAsync(stepId, s =>
        {
            s.Error = reason;
            foreach (var a in s.Alternatives.Where(a => alternativeIds.Contains(a.Id)))
            {
                a.Status = AlternativeStatus.Failed;
                a.Error = reason;
            }
        }, CancellationToken.None);
    }
}
