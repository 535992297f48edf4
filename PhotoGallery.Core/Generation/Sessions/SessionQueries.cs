using Microsoft.EntityFrameworkCore;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Generation.Steps;

namespace PhotoGallery.Core.Generation.Sessions;

/// <summary>Reads sessions for the pages: the list, one lineage, prompt history, provenance and recipes.</summary>
public sealed class SessionQueries(IDbContextFactory<GalleryDbContext> dbFactory)
{
    public const int PromptHistorySize = 100;

    public async Task<IReadOnlyList<SessionSummary>> ListAsync(SessionStatus? status, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var sessions = db.GenerationSessions.AsNoTracking();
        if (status is { } only)
            sessions = sessions.Where(s => s.Status == only);
        var rows = await sessions.OrderByDescending(s => s.UpdatedAt).ThenByDescending(s => s.Id)
            .Select(s => new
            {
                s.Id, s.Title, s.Status, s.EntryType, s.FinalPhotoId, s.CreatedAt, s.UpdatedAt, s.CompletedAt,
                Steps = s.Steps.OrderByDescending(st => st.Position).Select(st => new
                {
                    st.ModelName,
                    Alternatives = st.Alternatives.OrderBy(a => a.Position).Select(a => new
                    {
                        a.PhotoId, a.Selected, a.Status, InTrash = db.Photos.Any(p => p.Id == a.PhotoId && p.DeletedAt != null),
                    }).ToList(),
                }).ToList(),
            })
            .AsSplitQuery()
            .ToListAsync(cancellationToken);
        return rows.Select(s =>
        {
            var live = s.Steps.SelectMany(st => st.Alternatives).Where(a => a.PhotoId is not null && !a.InTrash).ToList();
            var cover = s.FinalPhotoId ?? live.FirstOrDefault(a => a.Selected)?.PhotoId ?? live.FirstOrDefault()?.PhotoId;
            var inFlight = s.Steps.SelectMany(st => st.Alternatives).Count(a => a.Status.IsInFlight());
            return new SessionSummary(s.Id, s.Title, s.Status, s.EntryType, s.Steps.Count, s.Steps.FirstOrDefault()?.ModelName, cover, inFlight,
                s.CreatedAt, s.UpdatedAt, s.CompletedAt);
        }).ToList();
    }

    /// <summary>The session and every step, oldest first; null when it does not exist.</summary>
    public async Task<SessionView?> GetAsync(Guid sessionId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var session = await db.GenerationSessions.AsNoTracking().Include(s => s.Steps).ThenInclude(s => s.Alternatives)
            .AsSplitQuery().FirstOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
            return null;
        var photoIds = session.Steps.SelectMany(s => s.Alternatives).Where(a => a.PhotoId is not null).Select(a => a.PhotoId!.Value)
            .Concat(session.Steps.Where(s => s.SourcePhotoId is not null).Select(s => s.SourcePhotoId!.Value)).Distinct().ToList();
        var photos = await db.Photos.AsNoTracking().Where(p => photoIds.Contains(p.Id))
            .Select(p => new { p.Id, InTrash = p.DeletedAt != null }).ToDictionaryAsync(p => p.Id, p => p.InTrash, cancellationToken);

        var steps = session.Steps.OrderBy(s => s.Position).Select(s => new StepView(
            s.Id, s.Position, s.ParentStepId, s.ParentAlternativeId, s.Prompt, s.NegativePrompt, s.Parameters, s.ModelKey, s.ModelName,
            s.BatchSize, s.SourcePhotoId, s.SourcePhotoId is { } source && photos.TryGetValue(source, out var sourceInTrash) && !sourceInTrash,
            s.Status, s.Error, s.WaitingSince, s.WaitingReason, s.CreatedAt, s.CompletedAt,
            s.Alternatives.OrderBy(a => a.Position).Select(a => new AlternativeView(
                a.Id, a.Position, a.Seed, a.Status, a.Error, a.PhotoId, a.ImageName is not null, a.Selected,
                a.PhotoId is { } photo && photos.GetValueOrDefault(photo), a.RetrievalAttempts, a.NextRetrievalAt)).ToList())).ToList();
        return new SessionView(session.Id, session.Title, session.Status, session.EntryType, session.SourcePhotoId, session.FinalPhotoId,
            session.CreatedAt, session.UpdatedAt, session.CompletedAt, steps);
    }

    /// <summary>The last <see cref="PromptHistorySize"/> distinct prompts, newest first.</summary>
    public async Task<IReadOnlyList<string>> PromptHistoryAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.GenerationSteps.AsNoTracking()
            .GroupBy(s => s.Prompt)
            .Select(g => new { Prompt = g.Key, Last = g.Max(s => s.CreatedAt) })
            .OrderByDescending(p => p.Last)
            .Take(PromptHistorySize)
            .Select(p => p.Prompt)
            .ToListAsync(cancellationToken);
    }

    /// <summary>Images queued, running or being retrieved, in every session (the tab title's count).</summary>
    public async Task<int> CountInFlightAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.StepAlternatives.CountAsync(a => a.Status == AlternativeStatus.Pending || a.Status == AlternativeStatus.Queued
            || a.Status == AlternativeStatus.Running || a.Status == AlternativeStatus.Retrieving, cancellationToken);
    }

    /// <summary>Session, step, seed and source of a generated photo, and the sessions that used a photo as their source.</summary>
    public async Task<PhotoProvenance?> GetProvenanceAsync(Guid photoId, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var photo = await db.Photos.AsNoTracking().Where(p => p.Id == photoId)
            .Select(p => new { p.GenerationStepId, p.SourcePhotoId, Seed = (long?)p.GenerationParameters!.Seed, p.IsGenerated })
            .FirstOrDefaultAsync(cancellationToken);
        if (photo is null)
            return null;
        var step = photo.GenerationStepId is { } stepId
            ? await db.GenerationSteps.AsNoTracking().Where(s => s.Id == stepId)
                .Select(s => new { s.Id, s.Position, s.SessionId, s.Session!.Title }).FirstOrDefaultAsync(cancellationToken)
            : null;
        var sourceAvailable = photo.SourcePhotoId is { } source && await db.Photos.AnyAsync(p => p.Id == source && p.DeletedAt == null, cancellationToken);
        var usedBy = await db.GenerationSessions.AsNoTracking()
            .Where(s => s.SourcePhotoId == photoId || s.Steps.Any(st => st.SourcePhotoId == photoId))
            .OrderByDescending(s => s.UpdatedAt)
            .Select(s => new SessionLink(s.Id, s.Title, s.Status))
            .ToListAsync(cancellationToken);
        return new PhotoProvenance(step?.SessionId, step?.Title, step?.Id, step?.Position, photo.IsGenerated ? photo.Seed : null,
            photo.SourcePhotoId, sourceAvailable, usedBy);
    }

    /// <summary>
    /// The form filled with a generated photo's recipe ("Use all"); <paramref name="newSeed"/> for "Remix". Null when the
    /// photo is not a generated one.
    /// </summary>
    public async Task<GenerationInput?> GetRecipeAsync(Guid photoId, bool newSeed, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var photo = await db.Photos.AsNoTracking().Where(p => p.Id == photoId && p.IsGenerated)
            .Select(p => new { p.GenerationPrompt, p.GenerationNegativePrompt, p.ModelKey, p.GenerationParameters, p.SourcePhotoId,
                BatchSize = db.GenerationSteps.Where(s => s.Id == p.GenerationStepId).Select(s => (int?)s.BatchSize).FirstOrDefault() })
            .FirstOrDefaultAsync(cancellationToken);
        if (photo?.GenerationParameters is null || photo.GenerationPrompt is null || photo.ModelKey is null)
            return null;
        var input = StepRecipe.ToInput(photo.GenerationPrompt, photo.GenerationNegativePrompt, photo.ModelKey, photo.GenerationParameters, photo.SourcePhotoId);
        input.RandomSeed = newSeed;
        input.BatchSize = newSeed ? photo.BatchSize ?? 4 : 1;
        return input;
    }
}
