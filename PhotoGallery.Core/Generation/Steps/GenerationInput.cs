namespace PhotoGallery.Core.Generation.Steps;

/// <summary>
/// What the owner asks for in one step: the Generate page's form, and what "Use all", "Remix" and "Continue from this
/// image" prefill. Validated by <see cref="GenerationInputValidator"/> before anything is stored or sent.
/// </summary>
public sealed class GenerationInput
{
    public string Prompt { get; set; } = "";
    public string NegativePrompt { get; set; } = "";
    public string ModelKey { get; set; } = "";
    public int Width { get; set; } = 1024;
    public int Height { get; set; } = 1024;
    public int Steps { get; set; } = 30;
    public double CfgScale { get; set; } = 7.5;

    /// <summary>FLUX only (its CFG stays 1).</summary>
    public double Guidance { get; set; } = 4;

    public string Scheduler { get; set; } = "dpmpp_3m_k";
    public bool RandomSeed { get; set; } = true;

    /// <summary>The first alternative's seed when <see cref="RandomSeed"/> is off; the others count up from it.</summary>
    public long Seed { get; set; }

    public int BatchSize { get; set; } = 4;

    /// <summary>img2img: how much of the source to repaint (0 &lt; strength ≤ 1).</summary>
    public double Strength { get; set; } = 0.5;

    /// <summary>A separate VAE (null: the model's own). FLUX: its VAE, required.</summary>
    public string? VaeKey { get; set; }

    public string? T5EncoderKey { get; set; }
    public string? ClipEmbedKey { get; set; }

    /// <summary>img2img source: a library photo or an alternative's photo.</summary>
    public Guid? SourcePhotoId { get; set; }

    /// <summary>The alternative this step continues from (its session's tree edge).</summary>
    public Guid? ParentAlternativeId { get; set; }

    public bool IsImageToImage => SourcePhotoId is not null;

    public GenerationInput Clone() => (GenerationInput)MemberwiseClone();
}
