namespace PhotoGallery.Core.Generation;

/// <summary>
/// A history of generation steps toward one image, started from scratch or from a library photo. Continuing from an
/// alternative of an earlier step branches it: the steps form a tree through <see cref="GenerationStep.ParentAlternativeId"/>.
/// </summary>
public class GenerationSession
{
    public const int MaxTitleLength = 200;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public SessionEntryType EntryType { get; set; }
    public Guid? SourcePhotoId { get; set; }
    public SessionStatus Status { get; set; } = SessionStatus.Active;
    public required string Title { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    /// <summary>The chosen image of a completed session (its photo, linked into completed/).</summary>
    public Guid? FinalPhotoId { get; set; }

    public List<GenerationStep> Steps { get; set; } = [];
}
