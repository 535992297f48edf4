namespace PhotoGallery.Core.Models;

/// <summary>The cache of one InvokeAI model config (keyed by InvokeAI's model key).</summary>
public class AiModel
{
    public required string Key { get; set; }
    public required string Hash { get; set; }
    public required string Name { get; set; }
    public required string Base { get; set; }
    public required string Type { get; set; }
    public required string Format { get; set; }
    public string? Variant { get; set; }
    public string? Description { get; set; }
    public ModelDefaultSettings? DefaultSettings { get; set; }

    /// <summary>False once the model vanished from the backend; steps and photos still name it.</summary>
    public bool IsAvailable { get; set; } = true;

    public bool IsFavorite { get; set; }
    public DateTime? LastUsedAt { get; set; }
    public DateTime CachedAt { get; set; }
}
