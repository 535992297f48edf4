namespace PhotoGallery.Core.Backends.InvokeAi.Graphs;

/// <summary>One edge: <c>{source:{node_id,field}, destination:{node_id,field}}</c> (reference §3).</summary>
public sealed record GraphEdge(string SourceNode, string SourceField, string DestinationNode, string DestinationField)
{
    public override string ToString() => $"{SourceNode}.{SourceField} -> {DestinationNode}.{DestinationField}";
}
