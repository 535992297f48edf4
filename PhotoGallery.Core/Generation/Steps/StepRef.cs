namespace PhotoGallery.Core.Generation.Steps;

/// <summary>A stored step and its session.</summary>
public sealed record StepRef(Guid SessionId, Guid StepId);
