namespace PhotoGallery.Core.Models;

/// <summary>InvokeAI's <c>default_settings</c> of a main model (reference §2.2); every member optional.</summary>
public sealed class ModelDefaultSettings
{
    public string? Vae { get; set; }
    public string? VaePrecision { get; set; }
    public string? Scheduler { get; set; }
    public int? Steps { get; set; }
    public double? CfgScale { get; set; }
    public double? CfgRescaleMultiplier { get; set; }
    public int? Width { get; set; }
    public int? Height { get; set; }
    public double? Guidance { get; set; }
}
