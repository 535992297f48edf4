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
        graph.Connect(ModelLoader, "clip", ClipSkip, "clip");
        graph.Connect(ClipSkip, "clip", PositiveConditioning, "clip");
        graph.Connect(ClipSkip, "clip", NegativeConditioning, "clip");
        graph.Connect(PositivePrompt, "value", PositiveConditioning, "prompt");
        graph.Connect(NegativePrompt, "value", NegativeConditioning, "prompt");
        GraphBuilderParts.AddLatentDenoising(graph, request);

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
