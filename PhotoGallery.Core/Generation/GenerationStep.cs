namespace PhotoGallery.Core.Generation;

/// <summary>One InvokeAI batch of 1–MaxBatchSize alternatives inside a session.</summary>
public class GenerationStep
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SessionId { get; set; }
    public Guid? ParentStepId { get; set; }
    public int Position { get; set; }
    public required string Prompt { get; set; }
    public string? NegativePrompt { get; set; }
    public GenerationParameters Parameters { get; set; } = new();
    public required string ModelKey { get; set; }
    public string? ModelHash { get; set; }
    public string? ModelName { get; set; }
    public int BatchSize { get; set; }

    /// <summary>Source image for img2img (a library photo or the parent step's selection).</summary>
    public Guid? SourcePhotoId { get; set; }

    public string? InvokeAiBatchId { get; set; }
    public List<int> QueueItemIds { get; set; } = [];
    public StepStatus Status { get; set; } = StepStatus.Pending;
    public string? Error { get; set; }
    public int RetrievedCount { get; set; }
    public int FailedCount { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    public GenerationSession? Session { get; set; }
    public List<StepAlternative> Alternatives { get; set; } = [];
}
