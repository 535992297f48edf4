using System.ComponentModel.DataAnnotations;

namespace PhotoGallery.Core.Generation;

public sealed class GenerationOptions
{
    public const string SectionName = "Generation";

    /// <summary>Most alternatives in one step (env MAX_BATCH_SIZE).</summary>
    [Range(1, 100, ErrorMessage = "Generation:MaxBatchSize (MAX_BATCH_SIZE) must be between 1 and 100.")]
    public int MaxBatchSize { get; set; } = 10;

    /// <summary>Tries to fetch one generated image before it stays failed (env RETRIEVAL_MAX_ATTEMPTS).</summary>
    [Range(1, 100, ErrorMessage = "Generation:RetrievalMaxAttempts (RETRIEVAL_MAX_ATTEMPTS) must be between 1 and 100.")]
    public int RetrievalMaxAttempts { get; set; } = 5;

    /// <summary>How often queue items are polled while InvokeAI's events are unavailable (a tenth as often while they flow).</summary>
    [Range(50, 60000, ErrorMessage = "Generation:PollIntervalMs must be between 50 and 60000.")]
    public int PollIntervalMs { get; set; } = 1000;

    /// <summary>Images downloaded and stored at the same time.</summary>
    [Range(1, 16, ErrorMessage = "Generation:RetrievalConcurrency must be between 1 and 16.")]
    public int RetrievalConcurrency { get; set; } = 3;

    /// <summary>Pause before the second try of a failed download; it doubles with every further try (at most 10 minutes).</summary>
    [Range(1, 3600, ErrorMessage = "Generation:RetrievalRetrySeconds must be between 1 and 3600.")]
    public int RetrievalRetrySeconds { get; set; } = 10;

    /// <summary>Whether completing a session moves its unselected alternatives to Trash (the Complete dialog's default).</summary>
    public bool TrashUnselectedOnComplete { get; set; }

    public TimeSpan PollInterval => TimeSpan.FromMilliseconds(PollIntervalMs);

    /// <summary>The pause after the <paramref name="attempts"/>-th failed download.</summary>
    public TimeSpan RetrievalBackoff(int attempts) =>
        TimeSpan.FromSeconds(Math.Min(600, RetrievalRetrySeconds * Math.Pow(2, Math.Max(0, attempts - 1))));
}
