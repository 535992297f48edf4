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
        graph.Connect(ModelLoader, "clip", PositiveConditioning, "clip");
        graph.Connect(ModelLoader, "clip", NegativeConditioning, "clip");
        graph.Connect(ModelLoader, "clip2", PositiveConditioning, "clip2");
        graph.Connect(ModelLoader, "clip2", NegativeConditioning, "clip2");
        graph.Connect(PositivePrompt, "value", PositiveConditioning, "prompt");
        graph.Connect(PositivePrompt, "value", PositiveConditioning, "style");
        graph.Connect(NegativePrompt, "value", NegativeConditioning, "prompt");
        graph.Connect(NegativePrompt, "value", NegativeConditioning, "style");
        GraphBuilderParts.AddLatentDenoising(graph, request);

        var metadata = GraphBuilderParts.AddMetadata(graph, request, img2img ? "sdxl_img2img" : "sdxl_txt2img",
            ("cfg_scale", request.CfgScale),
            ("cfg_rescale_multiplier", 0.0),
            ("rand_device", "cpu"));
        if (request.Vae is { } selectedVae)
            metadata["vae"] = selectedVae.ToJson();
        return GraphBuilderParts.CreateBatch(graph, request);
    }
}
