using static PhotoGallery.Core.Backends.InvokeAi.Graphs.GraphNodeIds;

namespace PhotoGallery.Core.Backends.InvokeAi.Graphs;

/// <summary>SD 1.x / SD 2 txt2img (reference §7.3) and img2img (§7.6).</summary>
public static class Sd1GraphBuilder
{
    public static InvokeAiBatch Build(GenerationRequest request)
    {
        var graph = GraphBuilderParts.CreateGraph(request, withNegativePrompt: true);
        var img2img = request.Source is not null;

        graph.AddNode(ModelLoader, "main_model_loader", ("model", request.Model.ToJson()));
        graph.AddNode(ClipSkip, "clip_skip", ("skipped_layers", 0));
        graph.AddNode(PositiveConditioning, "compel");
        graph.AddNode(NegativeConditioning, "compel");
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
        graph.AddNode(Output, "l2i", ("fp32", true));
        var vaeSource = ModelLoader;
        if (request.Vae is { } vae)
        {
            graph.AddNode(VaeLoader, "vae_loader", ("vae_model", vae.ToJson()));
            vaeSource = VaeLoader;
        }

        graph.Connect(ModelLoader, "unet", Denoise, "unet");
        graph.Connect(ModelLoader, "clip", ClipSkip, "clip");
        graph.Connect(ClipSkip, "clip", PositiveConditioning, "clip");
        graph.Connect(ClipSkip, "clip", NegativeConditioning, "clip");
        graph.Connect(PositivePrompt, "value", PositiveConditioning, "prompt");
        graph.Connect(PositiveConditioning, "conditioning", PositiveCollect, "item");
        graph.Connect(PositiveCollect, "collection", Denoise, "positive_conditioning");
        graph.Connect(NegativePrompt, "value", NegativeConditioning, "prompt");
        graph.Connect(NegativeConditioning, "conditioning", NegativeCollect, "item");
        graph.Connect(NegativeCollect, "collection", Denoise, "negative_conditioning");
        graph.Connect(Seed, "value", Noise, "seed");
        graph.Connect(Noise, "noise", Denoise, "noise");
        graph.Connect(Denoise, "latents", Output, "latents");
        graph.Connect(vaeSource, "vae", Output, "vae");

        if (img2img)
        {
            var encoder = graph.AddNode(ImageToLatents, "i2l", ("fp32", true));
            GraphBuilderParts.AddSourceImage(graph, request, encoder);
            graph.Connect(vaeSource, "vae", ImageToLatents, "vae");
            graph.Connect(ImageToLatents, "latents", Denoise, "latents");
        }

        var metadata = GraphBuilderParts.AddMetadata(graph, request, img2img ? "img2img" : "txt2img",
            ("cfg_scale", request.CfgScale),
            ("cfg_rescale_multiplier", 0.0),
            ("rand_device", "cpu"),
            ("clip_skip", 0));
        if (request.Vae is { } selectedVae)
            metadata["vae"] = selectedVae.ToJson();
        return GraphBuilderParts.CreateBatch(graph, request);
    }
}
