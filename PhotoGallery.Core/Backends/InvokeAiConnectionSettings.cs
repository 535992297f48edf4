namespace PhotoGallery.Core.Backends;

/// <summary>What the Backend page shows about the InvokeAI connection. The token itself never leaves the server.</summary>
public sealed record InvokeAiConnectionSettings(string EffectiveUrl, InvokeAiUrlSource Source, string ConfiguredUrl, bool HasToken);
