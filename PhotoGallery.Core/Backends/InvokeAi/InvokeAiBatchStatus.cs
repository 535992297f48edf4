namespace PhotoGallery.Core.Backends.InvokeAi;

/// <summary>Counts of one batch (reference §4.2); an unknown batch id gives all zeros.</summary>
public sealed record InvokeAiBatchStatus(string BatchId, int Pending, int InProgress, int Completed, int Failed, int Canceled, int Total);
