namespace PhotoGallery.Core.Backends.InvokeAi.Wire;

/// <summary><c>GET /api/v1/auth/status</c> (reference §0).</summary>
public sealed record AuthStatusWire(bool SetupRequired, bool MultiuserEnabled, bool StrictPasswordChecking, string? AdminEmail);
