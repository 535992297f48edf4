using System.Text.Json.Nodes;
using static PhotoGallery.Core.Backends.InvokeAi.Graphs.GraphNodeIds;

namespace PhotoGallery.Core.Backends.InvokeAi.Graphs;

/// <summary>The pieces every base shares (reference §7.1, §7.2, §7.6).</summary>
internal static class GraphBuilderParts
{
    public const string Origin = "photogallery";

    /// <summary>Seed and prompt source nodes; the seed value arrives per session through batch data.</summary>
    public static InvokeAiGraph CreateGraph(GenerationRequest request, bool withNegativePrompt)
    {
        var graph = new InvokeAiGraph("photogallery:" + Guid.CreateVersion7().ToString("N"));
        graph.AddNode(Seed, "integer");
        graph.AddNode(PositivePrompt, "string", ("value", request.Prompt));
        if (withNegativePrompt)
            graph.AddNode(NegativePrompt, "string", ("value", request.NegativePrompt));
        return graph;
    }

    /// <summary>
    /// The denoising chain SD 1.x/2 and SDXL share (reference §7.3/§7.4, img2img §7.6): conditioning collects, noise,
    /// <c>denoise_latents</c>, the <c>l2i</c> output, the VAE (the model's own, or a chosen <c>vae_loader</c>) and, for
    /// img2img, the <c>i2l</c> encoder. The caller adds the model loader and the two conditioning nodes first, and
    /// wires their clip and prompt inputs.
    /// </summary>
    public static void AddLatentDenoising(InvokeAiGraph graph, GenerationRequest request)
    {
        var img2img = request.Source is not null;
        graph.AddNode(PositiveCollect, "collect");
        graph.AddNode(NegativeCollect, "collect");
        graph.AddNode(Noise, "noise", ("use_cpu", true), ("width", request.Width), ("height", request.Height));
        graph.AddNode(Denoise, "denoise_latents",
            ("cfg_scale", request.CfgScale),
            ("cfg_rescale_multiplier", 0.0),
            ("scheduler", request.Scheduler),
            ("steps", request.Steps),
            ("denoising_start", img2img ? 1 - request.Source!.Strength : 0),
            ("denoising_end", 1.0));
        // fp32 decoding, as the UI does: it avoids the fp16 VAE artefacts of SDXL (reference §2.5).
        graph.AddNode(Output, "l2i", ("fp32", true));
        var vaeSource = ModelLoader;
        if (request.Vae is { } vae)
        {
            graph.AddNode(VaeLoader, "vae_loader", ("vae_model", vae.ToJson()));
            vaeSource = VaeLoader;
        }

        graph.Connect(ModelLoader, "unet", Denoise, "unet");
        graph.Connect(PositiveConditioning, "conditioning", PositiveCollect, "item");
        graph.Connect(PositiveCollect, "collection", Denoise, "positive_conditioning");
        graph.Connect(NegativeConditioning, "conditioning", NegativeCollect, "item");
        graph.Connect(NegativeCollect, "collection", Denoise, "negative_conditioning");
        graph.Connect(Seed, "value", Noise, "seed");
        graph.Connect(Noise, "noise", Denoise, "noise");
        graph.Connect(Denoise, "latents", Output, "latents");
        graph.Connect(vaeSource, "vae", Output, "vae");

        if (img2img)
        {
            var encoder = graph.AddNode(ImageToLatents, "i2l", ("fp32", true));
            AddSourceImage(graph, request, encoder);
            graph.Connect(vaeSource, "vae", ImageToLatents, "vae");
            graph.Connect(ImageToLatents, "latents", Denoise, "latents");
        }
    }

    /// <summary>One <c>core_metadata</c> node fed by the seed and prompt nodes, feeding the output's metadata.</summary>
    public static JsonObject AddMetadata(InvokeAiGraph graph, GenerationRequest request, string generationMode, params (string Field, JsonNode? Value)[] literals)
    {
        var metadata = graph.AddNode(Metadata, "core_metadata",
            ("generation_mode", generationMode),
            ("width", request.Width),
            ("height", request.Height),
            ("model", request.Model.ToJson()),
            ("steps", request.Steps),
            ("scheduler", request.Scheduler));
        foreach (var (field, value) in literals)
            metadata[field] = value;
        if (request.Source is { } source)
        {
            metadata["strength"] = source.Strength;
            metadata["init_image"] = source.ImageName;
        }
        graph.Connect(Seed, "value", Metadata, "seed");
        graph.Connect(PositivePrompt, "value", Metadata, "positive_prompt");
        if (graph.Nodes.ContainsKey(NegativePrompt))
            graph.Connect(NegativePrompt, "value", Metadata, "negative_prompt");
        graph.Connect(Metadata, "metadata", Output, "metadata");
        return metadata;
    }

    /// <summary>
    /// Feeds the source image into the encoder: directly when it already has the generation size, else through
    /// an <c>img_resize</c> node so latents and noise shapes match (reference §7.6).
    /// </summary>
    public static void AddSourceImage(InvokeAiGraph graph, GenerationRequest request, JsonObject encoder)
    {
        var source = request.Source!;
        var image = new JsonObject { ["image_name"] = source.ImageName };
        if (source.Width == request.Width && source.Height == request.Height)
        {
            encoder["image"] = image;
            return;
        }
        graph.AddNode(ResizeSource, "img_resize", ("image", image), ("width", request.Width), ("height", request.Height));
        graph.Connect(ResizeSource, "image", ImageToLatents, "image");
    }

    /// <summary>N seeds in one group → exactly N sessions (reference §4.1, §7.1).</summary>
    public static InvokeAiBatch CreateBatch(InvokeAiGraph graph, GenerationRequest request)
    {
        graph.MarkOutput(Output, request.BoardId);
        var seeds = new BatchDatum(Seed, "value", request.Seeds.ToArray());
        return new InvokeAiBatch(
            request.BatchId ?? Guid.CreateVersion7().ToString(),
            Origin,
            request.Destination,
            graph,
            [[seeds]],
            Output,
            request.Seeds.Count);
    }
}
