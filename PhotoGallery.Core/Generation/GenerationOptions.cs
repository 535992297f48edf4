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
}
