using System.Text.Json.Nodes;

namespace PhotoGallery.Core.Backends.InvokeAi.Wire;

/// <summary>The members of <c>GraphExecutionState</c> needed to find outputs (reference §4.3, §4.4).</summary>
public sealed record SessionWire(
    string Id,
    IReadOnlyDictionary<string, IReadOnlyList<string>>? SourcePreparedMapping,
    IReadOnlyDictionary<string, JsonObject>? Results,
    IReadOnlyDictionary<string, string>? Errors);
