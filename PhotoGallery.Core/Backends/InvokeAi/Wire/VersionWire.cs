namespace PhotoGallery.Core.Backends.InvokeAi.Wire;

/// <summary><c>GET /api/v1/app/version</c> (reference §1).</summary>
public sealed record VersionWire(string Version);
