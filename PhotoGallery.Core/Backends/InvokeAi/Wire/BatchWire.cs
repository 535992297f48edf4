using System.Text.Json.Nodes;

namespace PhotoGallery.Core.Backends.InvokeAi.Wire;

/// <summary>The <c>batch</c> member of an enqueue request (reference §4.1).</summary>
public sealed record BatchWire(
    string BatchId,
    string? Origin,
    string? Destination,
    JsonObject Graph,
    int Runs,
    IReadOnlyList<IReadOnlyList<BatchDatumWire>>? Data);
