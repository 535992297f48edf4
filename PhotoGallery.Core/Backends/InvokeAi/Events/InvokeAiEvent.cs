namespace PhotoGallery.Core.Backends.InvokeAi.Events;

/// <summary>A queue-item event from InvokeAI's Socket.IO stream (reference §6).</summary>
public abstract record InvokeAiEvent(int ItemId, string BatchId, string? Destination);
