namespace PhotoGallery.Core.Generation.Steps;

/// <summary>The form's fields, as keys of validation messages (each shown beside its field).</summary>
public static class GenerationField
{
    public const string Prompt = nameof(Prompt);
    public const string Model = nameof(Model);
    public const string Width = nameof(Width);
    public const string Height = nameof(Height);
    public const string Steps = nameof(Steps);
    public const string CfgScale = nameof(CfgScale);
    public const string Guidance = nameof(Guidance);
    public const string Scheduler = nameof(Scheduler);
    public const string Seed = nameof(Seed);
    public const string BatchSize = nameof(BatchSize);
    public const string Strength = nameof(Strength);
    public const string Vae = nameof(Vae);
    public const string T5Encoder = nameof(T5Encoder);
    public const string ClipEmbed = nameof(ClipEmbed);
    public const string Source = nameof(Source);
}
