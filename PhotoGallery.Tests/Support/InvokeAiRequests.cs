using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Backends.InvokeAi.Graphs;

namespace PhotoGallery.Tests.Support;

/// <summary>Requests for each base, using the fake's model list (keys match tools/FakeInvokeAi/FakeModels.cs).</summary>
public static class InvokeAiRequests
{
    public static readonly ModelIdentifier Sd15 = new("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0001", "blake3:sd15", "Stable Diffusion v1.5", "sd-1", "main");
    public static readonly ModelIdentifier Sd1Vae = new("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0002", "blake3:sdvae", "sd-vae-ft-mse", "sd-1", "vae");
    public static readonly ModelIdentifier Sdxl = new("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0003", "blake3:sdxl", "SDXL 1.0 Base", "sdxl", "main");
    public static readonly ModelIdentifier SdxlVae = new("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0004", "blake3:sdxlvae", "sdxl-vae-fp16-fix", "sdxl", "vae");
    public static readonly ModelIdentifier Flux = new("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0005", "blake3:flux", "FLUX.1 dev (NF4)", "flux", "main");
    public static readonly ModelIdentifier FluxVae = new("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0006", "blake3:fluxvae", "FLUX.1 VAE", "flux", "vae");
    public static readonly ModelIdentifier T5 = new("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0007", "blake3:t5", "t5_bnb_int8_quantized_encoder", "any", "t5_encoder");
    public static readonly ModelIdentifier ClipL = new("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0008", "blake3:clip", "clip-vit-large-patch14", "any", "clip_embed");

    public static GenerationRequest For(string modelBase, int imageCount = 1, Img2ImgSource? source = null, string prompt = "a lighthouse at dusk") =>
        modelBase switch
        {
            "sd-1" => Base(Sd15, 512, prompt, imageCount, source) with { Scheduler = "dpmpp_3m_k" },
            "sdxl" => Base(Sdxl, 1024, prompt, imageCount, source) with { Scheduler = "dpmpp_2m_k", Vae = SdxlVae },
            "flux" => Base(Flux, 1024, prompt, imageCount, source) with { Scheduler = "euler", Vae = FluxVae, T5Encoder = T5, ClipEmbed = ClipL },
            _ => throw new ArgumentOutOfRangeException(nameof(modelBase)),
        };

    private static GenerationRequest Base(ModelIdentifier model, int size, string prompt, int imageCount, Img2ImgSource? source) => new()
    {
        Model = model,
        Prompt = prompt,
        NegativePrompt = "blurry",
        Width = size,
        Height = size,
        Steps = 20,
        CfgScale = 7,
        Scheduler = "euler",
        Seeds = Enumerable.Range(0, imageCount).Select(i => 1000L + i).ToList(),
        Source = source,
        Destination = "step-" + Guid.NewGuid().ToString("N"),
    };
}
