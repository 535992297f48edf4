namespace PhotoGallery.Core.Backends.InvokeAi.Wire;

/// <summary>The <c>processor</c> member of the queue status (reference §4.8).</summary>
public sealed record ProcessorStatusWire(bool IsStarted, bool IsProcessing);
