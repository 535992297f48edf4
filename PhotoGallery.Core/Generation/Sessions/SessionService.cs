using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PhotoGallery.Core.Common;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Generation.Steps;
using PhotoGallery.Core.Photos;
using PhotoGallery.Core.Storage;

namespace PhotoGallery.Core.Generation.Sessions;

/// <summary>Choosing and finishing: select an alternative, complete, abandon, reopen and rename a session.</summary>
public sealed class SessionService(
    IDbContextFactory<GalleryDbContext> dbFactory,
    StepStore steps,
    StepSubmitter submitter,
    PhotoLinks links,
    PhotoTrash trash,
    GenerationNotifier notifier,
    TimeProvider clock,
    ILogger<SessionService> logger)
{
    /// <summary>Marks the alternative as its step's choice (one per step) and names its file in the step's selected/ folder.</summary>
    public async Task SelectAsync(Guid alternativeId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var chosen = await db.StepAlternatives.AsNoTracking()
            .Where(a => a.Id == alternativeId)
            .Select(a => new { a.StepId, a.Step!.SessionId, a.Status, a.PhotoId, InTrash = db.Photos.Any(p => p.Id == a.PhotoId && p.DeletedAt != null) })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new UserFacingException("That image no longer exists.");
        if (chosen.Status != AlternativeStatus.Done || chosen.PhotoId is null)
            throw new UserFacingException("Only an image that has arrived can be selected.");
        if (chosen.InTrash)
            throw new UserFacingException("This image is in Trash; restore it to select it.");

        Guid? previous = null;
        await steps.ChangeAsync(chosen.StepId, s =>
        {
            foreach (var a in s.Alternatives)
            {
                if (a.Selected && a.Id != alternativeId)
                    previous = a.PhotoId;
                a.Selected = a.Id == alternativeId;
            }
        }, cancellationToken);
        if (previous is { } old)
            await links.UnlinkAsync(old, StoragePaths.GeneratedSelected(chosen.SessionId, chosen.StepId, old), cancellationToken);
        await links.LinkAsync(alternativeId, StoragePaths.GeneratedSelected(chosen.SessionId, chosen.StepId, alternativeId), cancellationToken);
        logger.LogInformation("Selected alternative {AlternativeId} of step {StepId}", alternativeId, chosen.StepId);
    }

    /// <summary>
    /// Completes the session with <paramref name="alternativeId"/> (else the latest selection): its image is named in
    /// completed/{day}/, and with <paramref name="trashUnselected"/> the session's other images go to Trash.
    /// Returns the chosen photo's id.
    /// </summary>
    public async Task<Guid> CompleteAsync(Guid sessionId, Guid? alternativeId, bool trashUnselected, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.GenerationSessions.Include(s => s.Steps).ThenInclude(s => s.Alternatives)
            .FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken)
            ?? throw new UserFacingException("That session no longer exists.");
        if (session.Status != SessionStatus.Active)
            throw new UserFacingException($"This session is already {session.Status.ToString().ToLowerInvariant()}.");
        if (session.Steps.Any(s => s.Status.IsInFlight()))
            throw new UserFacingException("A step is still running. Wait for its images, or cancel it, then complete the session.");

        var alternatives = session.Steps.SelectMany(s => s.Alternatives).ToList();
        var chosen = alternativeId is { } id
            ? alternatives.FirstOrDefault(a => a.Id == id)
            : session.Steps.OrderByDescending(s => s.Position).SelectMany(s => s.Alternatives).FirstOrDefault(a => a.Selected);
        if (chosen is null)
            throw new UserFacingException("Select the image to keep first (click it, or press its number).");
        if (chosen.Status != AlternativeStatus.Done || chosen.PhotoId is not { } photoId)
            throw new UserFacingException("That image has not arrived, so it cannot complete the session.");
        if (await db.Photos.AnyAsync(p => p.Id == photoId && p.DeletedAt != null, cancellationToken))
            throw new UserFacingException("That image is in Trash; restore it first.");

        var now = clock.GetUtcNow().UtcDateTime;
        await links.LinkAsync(photoId, StoragePaths.GeneratedCompleted(DateOnly.FromDateTime(now), photoId), cancellationToken);
        session.Status = SessionStatus.Completed;
        session.CompletedAt = now;
        session.UpdatedAt = now;
        session.FinalPhotoId = photoId;
        await db.SaveChangesAsync(cancellationToken);

        if (trashUnselected)
        {
            var unselected = alternatives.Where(a => !a.Selected && a.Id != chosen.Id && a.PhotoId is not null).Select(a => a.PhotoId!.Value).ToList();
            var moved = await trash.DeleteAsync(unselected, cancellationToken);
            logger.LogInformation("Moved {PhotoCount} unselected alternatives of session {SessionId} to Trash", moved, sessionId);
        }
        logger.LogInformation("Completed session {SessionId} with photo {PhotoId}", sessionId, photoId);
        notifier.Publish(new GenerationChange(sessionId, null, null, GenerationChangeKind.State));
        return photoId;
    }

    /// <summary>Gives the session up: what still runs is canceled; every image made stays in the library.</summary>
    public async Task AbandonAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var running = await db.GenerationSteps.Where(s => s.SessionId == sessionId
                && (s.Status == StepStatus.Pending || s.Status == StepStatus.Queued || s.Status == StepStatus.Processing))
            .Select(s => s.Id).ToListAsync(cancellationToken);
        foreach (var stepId in running)
            await submitter.CancelAsync(stepId, cancellationToken);
        await SetStatusAsync(sessionId, SessionStatus.Abandoned, cancellationToken);
        logger.LogInformation("Abandoned session {SessionId}", sessionId);
    }

    /// <summary>Makes a completed or abandoned session active again (its chosen image stays where it is).</summary>
    public Task ReopenAsync(Guid sessionId, CancellationToken cancellationToken) => SetStatusAsync(sessionId, SessionStatus.Active, cancellationToken);

    public async Task RenameAsync(Guid sessionId, string title, CancellationToken cancellationToken)
    {
        var text = title.Trim();
        if (text.Length == 0)
            throw new UserFacingException("A session needs a title.");
        if (text.Length > GenerationSession.MaxTitleLength)
            throw new UserFacingException($"A title can have at most {GenerationSession.MaxTitleLength} characters.");
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.GenerationSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u.SetProperty(s => s.Title, text), cancellationToken);
        if (changed == 0)
            throw new UserFacingException("That session no longer exists.");
        notifier.Publish(new GenerationChange(sessionId, null, null, GenerationChangeKind.State));
    }

    private async Task SetStatusAsync(Guid sessionId, SessionStatus status, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var changed = await db.GenerationSessions.Where(s => s.Id == sessionId).ExecuteUpdateAsync(u => u
            .SetProperty(s => s.Status, status)
            .SetProperty(s => s.UpdatedAt, now)
            .SetProperty(s => s.CompletedAt, status == SessionStatus.Active ? null : now), cancellationToken);
        if (changed == 0)
            throw new UserFacingException("That session no longer exists.");
        notifier.Publish(new GenerationChange(sessionId, null, null, GenerationChangeKind.State));
    }
}
