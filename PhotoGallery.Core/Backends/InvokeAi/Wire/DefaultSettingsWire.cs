namespace PhotoGallery.Core.Backends.InvokeAi.Wire;

/// <summary><c>default_settings</c> of a main model (reference §2.2); every member optional.</summary>
public sealed record DefaultSettingsWire(
    string? Vae,
    string? VaePrecision,
    string? Scheduler,
    int? Steps,
    double? CfgScale,
    double? CfgRescaleMultiplier,
    int? Width,
    int? Height,
    double? Guidance);
