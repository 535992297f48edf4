using System.Text.Json.Nodes;

namespace PhotoGallery.Core.Backends.InvokeAi.Graphs;

/// <summary>
/// A graph in InvokeAI's wire format (reference §3): nodes keyed by id, every node intermediate and cached
/// like the official UI does, except the output node.
/// </summary>
public sealed class InvokeAiGraph(string id)
{
    private readonly Dictionary<string, JsonObject> _nodes = new(StringComparer.Ordinal);
    private readonly List<GraphEdge> _edges = [];

    public string Id { get; } = id;

    public IReadOnlyDictionary<string, JsonObject> Nodes => _nodes;

    public IReadOnlyList<GraphEdge> Edges => _edges;

    public JsonObject AddNode(string nodeId, string type, params (string Field, JsonNode? Value)[] inputs)
    {
        if (_nodes.ContainsKey(nodeId))
            throw new InvalidOperationException($"Graph {Id} already has a node '{nodeId}'.");
        var node = new JsonObject
        {
            ["id"] = nodeId,
            ["type"] = type,
            ["is_intermediate"] = true,
            ["use_cache"] = true,
        };
        foreach (var (field, value) in inputs)
            node[field] = value;
        _nodes.Add(nodeId, node);
        return node;
    }

    /// <summary>The image the user keeps: in the gallery, never served from the invocation cache (reference §3, §7.8).</summary>
    public void MarkOutput(string nodeId, string? boardId)
    {
        var node = _nodes[nodeId];
        node["is_intermediate"] = false;
        node["use_cache"] = false;
        if (boardId is not null)
            node["board"] = new JsonObject { ["board_id"] = boardId };
    }

    public void Connect(string sourceNode, string sourceField, string destinationNode, string destinationField)
    {
        if (!_nodes.ContainsKey(sourceNode) || !_nodes.ContainsKey(destinationNode))
            throw new InvalidOperationException($"Edge {sourceNode}.{sourceField} -> {destinationNode}.{destinationField} names a node missing from graph {Id}.");
        _edges.Add(new GraphEdge(sourceNode, sourceField, destinationNode, destinationField));
    }

    public JsonObject ToJson()
    {
        var nodes = new JsonObject();
        foreach (var (nodeId, node) in _nodes)
            nodes[nodeId] = node.DeepClone();
        var edges = new JsonArray();
        foreach (var edge in _edges)
        {
            edges.Add(new JsonObject
            {
                ["source"] = new JsonObject { ["node_id"] = edge.SourceNode, ["field"] = edge.SourceField },
                ["destination"] = new JsonObject { ["node_id"] = edge.DestinationNode, ["field"] = edge.DestinationField },
            });
        }
        return new JsonObject { ["id"] = Id, ["nodes"] = nodes, ["edges"] = edges };
    }
}
