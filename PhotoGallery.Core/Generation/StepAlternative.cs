namespace PhotoGallery.Core.Generation;

/// <summary>One of a step's alternatives: one queue item, one seed, at most one photo.</summary>
public class StepAlternative
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StepId { get; set; }
    public int Position { get; set; }
    public long Seed { get; set; }
    public int? QueueItemId { get; set; }
    public Guid? PhotoId { get; set; }
    public bool Selected { get; set; }

    public GenerationStep? Step { get; set; }
}
