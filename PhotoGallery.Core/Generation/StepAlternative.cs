namespace PhotoGallery.Core.Generation;

/// <summary>
/// One of a step's alternatives: one seed, one queue item, at most one photo. The photo made from it has the
/// alternative's own id, so every file it can leave behind has a known path and a retrieval can never make two.
/// </summary>
public class StepAlternative
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid StepId { get; set; }

    /// <summary>0-based place in the step (shown as 1…N).</summary>
    public int Position { get; set; }

    public long Seed { get; set; }
    public int? QueueItemId { get; set; }
    public AlternativeStatus Status { get; set; } = AlternativeStatus.Pending;

    /// <summary>InvokeAI's image name, known once the queue item completed.</summary>
    public string? ImageName { get; set; }

    /// <summary>The stored photo (id == <see cref="Id"/>); null until retrieved, and again once the photo is purged.</summary>
    public Guid? PhotoId { get; set; }

    public bool Selected { get; set; }

    /// <summary>InvokeAI's failure text, or why the image could not be retrieved.</summary>
    public string? Error { get; set; }

    /// <summary>When InvokeAI started and finished the queue item.</summary>
    public DateTime? StartedAt { get; set; }

    public DateTime? FinishedAt { get; set; }

    public int RetrievalAttempts { get; set; }
    public DateTime? NextRetrievalAt { get; set; }

    public GenerationStep? Step { get; set; }
}
