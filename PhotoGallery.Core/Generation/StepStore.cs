using Microsoft.EntityFrameworkCore;
using PhotoGallery.Core.Data;

namespace PhotoGallery.Core.Generation;

/// <summary>
/// Every change to a step and its alternatives goes through here: one at a time (the tracker and the retrievers
/// change alternatives of the same step concurrently, and the step's status is derived from all of them), then the
/// open tabs are told.
/// </summary>
public sealed class StepStore(IDbContextFactory<GalleryDbContext> dbFactory, GenerationNotifier notifier, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Applies <paramref name="change"/> to the tracked step (alternatives loaded), derives its status, saves, notifies.</summary>
    public async Task<GenerationStep?> ChangeAsync(Guid stepId, Action<GenerationStep> change, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        GenerationStep? step;
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            step = await db.GenerationSteps.Include(s => s.Alternatives).Include(s => s.Session)
                .FirstOrDefaultAsync(s => s.Id == stepId, cancellationToken);
            if (step is null)
                return null;
            change(step);
            var now = clock.GetUtcNow().UtcDateTime;
            var before = step.Status;
            if (step.Status != StepStatus.Pending || step.Alternatives.Any(a => a.Status != AlternativeStatus.Pending))
                step.Status = StepRules.Derive(step.Alternatives.Select(a => a.Status).ToList());
            if (!step.Status.IsInFlight())
            {
                step.CompletedAt ??= now;
                step.WaitingSince = null;
                step.WaitingReason = null;
            }
            else if (!before.IsInFlight())
            {
                step.CompletedAt = null;   // run again
            }
            step.Session!.UpdatedAt = now;
            step.Error = Clip(step.Error, 2000);
            step.WaitingReason = Clip(step.WaitingReason, 1000);
            foreach (var alternative in step.Alternatives)
                alternative.Error = Clip(alternative.Error, 2000);
            // Saved whatever the caller's token says: the change happened in InvokeAI and must not be lost here.
            await db.SaveChangesAsync(CancellationToken.None);
        }
        finally
        {
            _gate.Release();
        }
        foreach (var alternative in step.Alternatives.Where(a => !a.Status.IsInFlight() || a.Status == AlternativeStatus.Retrieving))
            notifier.ClearProgress(alternative.Id);
        notifier.Publish(new GenerationChange(step.SessionId, step.Id, null, GenerationChangeKind.State));
        return step;
    }

    private static string? Clip(string? text, int max) => text is null || text.Length <= max ? text : text[..(max - 1)] + "…";
}
