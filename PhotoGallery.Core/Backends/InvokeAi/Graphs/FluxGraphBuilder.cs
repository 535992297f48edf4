using static PhotoGallery.Core.Backends.InvokeAi.Graphs.GraphNodeIds;

namespace PhotoGallery.Core.Backends.InvokeAi.Graphs;

/// <summary>FLUX.1 txt2img (reference §7.5) and img2img (§7.6): no negative prompt, no noise node, CFG left at 1.</summary>
public static class FluxGraphBuilder
{
    public static InvokeAiBatch Build(GenerationRequest request)
    {
        var graph = GraphBuilderParts.CreateGraph(request, withNegativePrompt: false);
        var img2img = request.Source is not null;
        var vae = request.Vae!;
        var t5 = request.T5Encoder!;
        var clip = request.ClipEmbed!;

        graph.AddNode(ModelLoader, "flux_model_loader",
            ("model", request.Model.ToJson()),
            ("t5_encoder_model", t5.ToJson()),
            ("clip_embed_model", clip.ToJson()),
            ("vae_model", vae.ToJson()));
        graph.AddNode(PositiveConditioning, "flux_text_encoder");
        graph.AddNode(PositiveCollect, "collect");
        graph.AddNode(Denoise, "flux_denoise",
            ("guidance", request.Guidance),
            ("num_steps", request.Steps),
            ("scheduler", request.Scheduler),
            ("dype_preset", "off"),
            ("width", request.Width),
            ("height", request.Height),
            // The UI's default "optimized denoising" for FLUX img2img (reference §7.6).
            ("denoising_start", img2img ? 1 - Math.Pow(request.Source!.Strength, 0.2) : 0),
            ("denoising_end", 1.0));
        graph.AddNode(Output, "flux_vae_decode");

        graph.Connect(ModelLoader, "clip", PositiveConditioning, "clip");
        graph.Connect(ModelLoader, "t5_encoder", PositiveConditioning, "t5_encoder");
        graph.Connect(ModelLoader, "max_seq_len", PositiveConditioning, "t5_max_seq_len");
        graph.Connect(ModelLoader, "transformer", Denoise, "transformer");
        graph.Connect(ModelLoader, "vae", Denoise, "controlnet_vae");
        graph.Connect(ModelLoader, "vae", Output, "vae");
        graph.Connect(PositivePrompt, "value", PositiveConditioning, "prompt");
        graph.Connect(PositiveConditioning, "conditioning", PositiveCollect, "item");
        graph.Connect(PositiveCollect, "collection", Denoise, "positive_text_conditioning");
        graph.Connect(Seed, "value", Denoise, "seed");
        graph.Connect(Denoise, "latents", Output, "latents");

        if (img2img)
        {
            var encoder = graph.AddNode(ImageToLatents, "flux_vae_encode");
            GraphBuilderParts.AddSourceImage(graph, request, encoder);
            graph.Connect(ModelLoader, "vae", ImageToLatents, "vae");
            graph.Connect(ImageToLatents, "latents", Denoise, "latents");
        }

        GraphBuilderParts.AddMetadata(graph, request, img2img ? "flux_img2img" : "flux_txt2img",
            ("guidance", request.Guidance),
            ("dype_preset", "off"),
            ("vae", vae.ToJson()),
            ("t5_encoder", t5.ToJson()),
            ("clip_embed_model", clip.ToJson()));
        return GraphBuilderParts.CreateBatch(graph, request);
    }
}
