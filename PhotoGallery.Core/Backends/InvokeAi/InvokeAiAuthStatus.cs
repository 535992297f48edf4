namespace PhotoGallery.Core.Backends.InvokeAi;

/// <summary>Which auth mode the server runs in (reference §0).</summary>
public sealed record InvokeAiAuthStatus(bool MultiUser, bool SetupRequired);
