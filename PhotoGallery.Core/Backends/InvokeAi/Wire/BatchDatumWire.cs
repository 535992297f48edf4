using System.Text.Json.Nodes;

namespace PhotoGallery.Core.Backends.InvokeAi.Wire;

/// <summary>One <c>BatchDatum</c>: values written into <c>nodes[node_path][field_name]</c> per session (reference §4.1).</summary>
public sealed record BatchDatumWire(string NodePath, string FieldName, JsonArray Items);
