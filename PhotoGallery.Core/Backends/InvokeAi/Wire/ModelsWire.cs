namespace PhotoGallery.Core.Backends.InvokeAi.Wire;

/// <summary><c>GET /api/v2/models/</c> (reference §2.1).</summary>
public sealed record ModelsWire(IReadOnlyList<ModelConfigWire> Models);
