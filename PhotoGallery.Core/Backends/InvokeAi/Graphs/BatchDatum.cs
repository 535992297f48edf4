namespace PhotoGallery.Core.Backends.InvokeAi.Graphs;

/// <summary>Integer values written into <c>nodes[NodePath][FieldName]</c>, one per session (reference §4.1).</summary>
public sealed record BatchDatum(string NodePath, string FieldName, IReadOnlyList<long> Items);
