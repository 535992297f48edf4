using System.Text.Json.Nodes;

namespace PhotoGallery.Core.Backends.InvokeAi.Wire;

/// <summary>One batch value applied to a queue item (reference §4.3 <c>field_values</c>).</summary>
public sealed record FieldValueWire(string NodePath, string FieldName, JsonNode? Value);
