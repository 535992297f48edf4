namespace PhotoGallery.Core.Generation;

/// <summary>An alternative's progress while InvokeAI works on it: 0–1 (null: indeterminate) and its denoising preview.</summary>
public sealed record LiveProgress(double? Percentage, string? Message, string? PreviewDataUrl);
