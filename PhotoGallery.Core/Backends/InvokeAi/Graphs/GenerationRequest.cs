namespace PhotoGallery.Core.Backends.InvokeAi.Graphs;

/// <summary>
/// One step's recipe. <see cref="Seeds"/> holds one seed per alternative: N seeds become exactly N queue items.
/// <see cref="Prompt"/> is sent exactly as given.
/// </summary>
public sealed record GenerationRequest
{
    public required ModelIdentifier Model { get; init; }
    public required string Prompt { get; init; }
    public string NegativePrompt { get; init; } = "";
    public required int Width { get; init; }
    public required int Height { get; init; }
    public required int Steps { get; init; }
    public double CfgScale { get; init; } = 7.5;
    public required string Scheduler { get; init; }

    /// <summary>FLUX guidance (reference §7.5, default 4).</summary>
    public double Guidance { get; init; } = 4;

    public required IReadOnlyList<long> Seeds { get; init; }

    /// <summary>SD1/SD2/SDXL: a separate VAE of the same base, or null for the model's built-in VAE. FLUX: required.</summary>
    public ModelIdentifier? Vae { get; init; }

    /// <summary>FLUX only: the T5 encoder (type <c>t5_encoder</c>).</summary>
    public ModelIdentifier? T5Encoder { get; init; }

    /// <summary>FLUX only: the CLIP-L embed model (type <c>clip_embed</c>).</summary>
    public ModelIdentifier? ClipEmbed { get; init; }

    public Img2ImgSource? Source { get; init; }

    /// <summary>Echoed on every queue item and event; one per step makes filtering and cancelling exact.</summary>
    public required string Destination { get; init; }

    public string? BatchId { get; init; }
    public string? BoardId { get; init; }
}
