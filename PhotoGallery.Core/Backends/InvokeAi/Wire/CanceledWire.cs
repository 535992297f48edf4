namespace PhotoGallery.Core.Backends.InvokeAi.Wire;

/// <summary><c>{"canceled": n}</c> from the bulk cancel routes (reference §4.6).</summary>
public sealed record CanceledWire(int Canceled);
