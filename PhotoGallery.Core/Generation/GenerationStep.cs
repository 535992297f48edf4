namespace PhotoGallery.Core.Generation;

/// <summary>One InvokeAI batch of 1–MaxBatchSize alternatives inside a session.</summary>
public class GenerationStep
{
    public const int MaxPromptLength = 4000;

    public Guid Id { get; set; } = Guid.CreateVersion7();
    public Guid SessionId { get; set; }

    /// <summary>1, 2, 3… in the order the steps were made (a branch does not renumber anything).</summary>
    public int Position { get; set; }

    /// <summary>The alternative this step continues from (img2img from its image, or its settings with new seeds).</summary>
    public Guid? ParentAlternativeId { get; set; }

    /// <summary>The step of <see cref="ParentAlternativeId"/>, kept for the lineage tree.</summary>
    public Guid? ParentStepId { get; set; }

    public required string Prompt { get; set; }
    public string? NegativePrompt { get; set; }
    public GenerationParameters Parameters { get; set; } = new();
    public required string ModelKey { get; set; }
    public string? ModelHash { get; set; }
    public string? ModelName { get; set; }
    public int BatchSize { get; set; }

    /// <summary>Source image for img2img (a library photo or an earlier alternative's photo).</summary>
    public Guid? SourcePhotoId { get; set; }

    /// <summary>The InvokeAI server the batch went to (its item ids mean nothing to another one).</summary>
    public string? BackendUrl { get; set; }

    /// <summary>The batch id of the latest enqueue of this step (a fresh one each time: never one an earlier batch used).</summary>
    public string? InvokeAiBatchId { get; set; }

    public List<int> QueueItemIds { get; set; } = [];
    public StepStatus Status { get; set; } = StepStatus.Pending;
    public string? Error { get; set; }

    /// <summary>Set while InvokeAI cannot be asked about the step (unreachable, refusing); the step waits, it does not fail.</summary>
    public DateTime? WaitingSince { get; set; }

    public string? WaitingReason { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SubmittedAt { get; set; }
    public DateTime? CompletedAt { get; set; }

    public GenerationSession? Session { get; set; }
    public List<StepAlternative> Alternatives { get; set; } = [];
}
