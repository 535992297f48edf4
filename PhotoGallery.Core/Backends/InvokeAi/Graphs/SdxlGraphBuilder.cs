using static PhotoGallery.Core.Backends.InvokeAi.Graphs.GraphNodeIds;

namespace PhotoGallery.Core.Backends.InvokeAi.Graphs;

/// <summary>SDXL txt2img (reference §7.4) and img2img (§7.6); no refiner.</summary>
public static class SdxlGraphBuilder
{
    public static InvokeAiBatch Build(GenerationRequest request)
    {
        var graph = GraphBuilderParts.CreateGraph(request, withNegativePrompt: true);
        var img2img = request.Source is not null;

        graph.AddNode(ModelLoader, "sdxl_model_loader", ("model", request.Model.ToJson()));
        graph.AddNode(PositiveConditioning, "sdxl_compel_prompt");
        graph.AddNode(NegativeConditioning, "sdxl_compel_prompt");
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
        // fp32 decoding avoids the SDXL fp16 VAE artefacts (reference §2.5).
        graph.AddNode(Output, "l2i", ("fp32", true));
        var vaeSource = ModelLoader;
        if (request.Vae is { } vae)
        {
            graph.AddNode(VaeLoader, "vae_loader", ("vae_model", vae.ToJson()));
            vaeSource = VaeLoader;
        }

        graph.Connect(ModelLoader, "unet", Denoise, "unet");
        graph.Connect(ModelLoader, "clip", PositiveConditioning, "clip");
        graph.Connect(ModelLoader, "clip", NegativeConditioning, "clip");
        graph.Connect(ModelLoader, "clip2", PositiveConditioning, "clip2");
        graph.Connect(ModelLoader, "clip2", NegativeConditioning, "clip2");
        graph.Connect(PositivePrompt, "value", PositiveConditioning, "prompt");
        graph.Connect(PositivePrompt, "value", PositiveConditioning, "style");
        graph.Connect(NegativePrompt, "value", NegativeConditioning, "prompt");
        graph.Connect(NegativePrompt, "value", NegativeConditioning, "style");
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
            GraphBuilderParts.AddSourceImage(graph, request, encoder);
            graph.Connect(vaeSource, "vae", ImageToLatents, "vae");
            graph.Connect(ImageToLatents, "latents", Denoise, "latents");
        }

        var metadata = GraphBuilderParts.AddMetadata(graph, request, img2img ? "sdxl_img2img" : "sdxl_txt2img",
            ("cfg_scale", request.CfgScale),
            ("cfg_rescale_multiplier", 0.0),
            ("rand_device", "cpu"));
        if (request.Vae is { } selectedVae)
            metadata["vae"] = selectedVae.ToJson();
        return GraphBuilderParts.CreateBatch(graph, request);
    }
}
