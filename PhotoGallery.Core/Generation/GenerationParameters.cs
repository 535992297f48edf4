namespace PhotoGallery.Core.Generation;

/// <summary>
/// The recipe of one generation step, stored as one JSON column (jsonb on PostgreSQL, TEXT on SQLite)
/// on the step and on every photo it produced.
/// </summary>
public sealed class GenerationParameters
{
    public int Width { get; set; }
    public int Height { get; set; }
    public int Steps { get; set; }
    public double CfgScale { get; set; }
    public string Scheduler { get; set; } = "";
    public long Seed { get; set; }
    public double? Strength { get; set; }
    public double? Guidance { get; set; }
    public int? ClipSkip { get; set; }
    public string? ModelBase { get; set; }
    public string? VaeKey { get; set; }
    public string? T5EncoderKey { get; set; }
    public string? ClipEmbedKey { get; set; }
}
