using System.Text.Json.Nodes;

namespace PhotoGallery.Core.Backends.InvokeAi.Wire;

/// <summary>One entry of a 422 <c>detail</c> list (reference §0, error bodies).</summary>
public sealed record ErrorDetailWire(string? Type, JsonArray? Loc, string? Msg);
