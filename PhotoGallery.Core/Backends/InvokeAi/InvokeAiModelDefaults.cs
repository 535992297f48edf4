namespace PhotoGallery.Core.Backends.InvokeAi;

/// <summary>A main model's <c>default_settings</c> (reference §2.2); <c>Vae = "default"</c> means the built-in VAE.</summary>
public sealed record InvokeAiModelDefaults(
    string? Vae,
    string? VaePrecision,
    string? Scheduler,
    int? Steps,
    double? CfgScale,
    double? CfgRescaleMultiplier,
    int? Width,
    int? Height,
    double? Guidance);
