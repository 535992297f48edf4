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
