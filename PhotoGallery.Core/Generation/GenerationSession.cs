namespace PhotoGallery.Core.Generation;

/// <summary>A linear history of generation steps, started from scratch or from a library photo.</summary>
public class GenerationSession
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public SessionEntryType EntryType { get; set; }
    public Guid? SourcePhotoId { get; set; }
    public SessionStatus Status { get; set; } = SessionStatus.Active;
    public required string Title { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public Guid? FinalPhotoId { get; set; }

    public List<GenerationStep> Steps { get; set; } = [];
}
