namespace PhotoGallery.Core.Generation.Sessions;

/// <summary>A row of the Sessions page.</summary>
public sealed record SessionSummary(
    Guid Id,
    string Title,
    SessionStatus Status,
    SessionEntryType EntryType,
    int StepCount,
    string? ModelName,
    Guid? CoverPhotoId,
    int InFlight,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? CompletedAt);

/// <summary>A session with its whole lineage.</summary>
public sealed record SessionView(
    Guid Id,
    string Title,
    SessionStatus Status,
    SessionEntryType EntryType,
    Guid? SourcePhotoId,
    Guid? FinalPhotoId,
    DateTime CreatedAt,
    DateTime UpdatedAt,
    DateTime? CompletedAt,
    IReadOnlyList<StepView> Steps)
{
    public StepView? Latest => Steps.Count == 0 ? null : Steps[^1];

    public StepView? Step(Guid id) => Steps.FirstOrDefault(s => s.Id == id);

    /// <summary>"2.3": step 2, alternative 3 — how an alternative is named in the lineage.</summary>
    public string? LabelOf(Guid alternativeId) =>
        Steps.SelectMany(s => s.Alternatives.Select(a => (s, a))).Where(x => x.a.Id == alternativeId)
            .Select(x => $"{x.s.Position}.{x.a.Position + 1}").FirstOrDefault();

    /// <summary>Steps in a depth-first walk of the tree (children after their parent step), with their depth.</summary>
    public IReadOnlyList<(StepView Step, int Depth)> Tree()
    {
        var byParent = Steps.ToLookup(s => s.ParentStepId);
        var result = new List<(StepView, int)>();
        void Walk(Guid? parent, int depth)
        {
            foreach (var step in byParent[parent].OrderBy(s => s.Position))
            {
                result.Add((step, depth));
                Walk(step.Id, depth + 1);
            }
        }
        Walk(null, 0);
        // Steps whose parent step is gone (cannot happen with the FK, but never hide a step).
        result.AddRange(Steps.Where(s => result.All(r => r.Item1.Id != s.Id)).Select(s => (s, 0)));
        return result;
    }
}

public sealed record StepView(
    Guid Id,
    int Position,
    Guid? ParentStepId,
    Guid? ParentAlternativeId,
    string Prompt,
    string? NegativePrompt,
    GenerationParameters Parameters,
    string ModelKey,
    string? ModelName,
    int BatchSize,
    Guid? SourcePhotoId,
    bool SourceAvailable,
    StepStatus Status,
    string? Error,
    DateTime? WaitingSince,
    string? WaitingReason,
    DateTime CreatedAt,
    DateTime? CompletedAt,
    IReadOnlyList<AlternativeView> Alternatives)
{
    public int InFlight => Alternatives.Count(a => a.Status.IsInFlight());

    public AlternativeView? Selected => Alternatives.FirstOrDefault(a => a.Selected);

    /// <summary>Alternatives InvokeAI did not make (failed or canceled before an image existed): "Run again".</summary>
    public int NotMade => Alternatives.Count(a => a.Status is AlternativeStatus.Failed or AlternativeStatus.Canceled && !a.HasImageName);

    /// <summary>Alternatives InvokeAI made but the app could not store: "Retry".</summary>
    public int NotRetrieved => Alternatives.Count(a => a.Status == AlternativeStatus.Failed && a.HasImageName);
}

public sealed record AlternativeView(
    Guid Id,
    int Position,
    long Seed,
    AlternativeStatus Status,
    string? Error,
    Guid? PhotoId,
    bool HasImageName,
    bool Selected,
    bool InTrash,
    int RetrievalAttempts,
    DateTime? NextRetrievalAt)
{
    /// <summary>Retrieved once, then permanently deleted: the seed and the step's recipe remain.</summary>
    public bool Purged => Status == AlternativeStatus.Done && PhotoId is null;

    /// <summary>Its image can be shown, selected and continued from.</summary>
    public bool Usable => Status == AlternativeStatus.Done && PhotoId is not null && !InTrash;
}

/// <summary>Where a photo came from and where it went: for the viewer's info panel.</summary>
public sealed record PhotoProvenance(
    Guid? SessionId,
    string? SessionTitle,
    Guid? StepId,
    int? StepPosition,
    long? Seed,
    Guid? SourcePhotoId,
    bool SourceAvailable,
    IReadOnlyList<SessionLink> UsedBy);

public sealed record SessionLink(Guid Id, string Title, SessionStatus Status);
