namespace PhotoGallery.Core.Backends;

/// <summary>Where InvokeAI answers right now, and the multi-user bearer token to send, if any.</summary>
public sealed record BackendEndpoint(Uri BaseUri, string? Token);
