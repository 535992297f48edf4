namespace PhotoGallery.Core.Backends.InvokeAi.Wire;

/// <summary>The echo of the batch in an enqueue answer; only its id matters here.</summary>
public sealed record BatchEchoWire(string? BatchId);
