namespace PhotoGallery.Core.Models;

/// <summary>Filters of the Models page; null means "any".</summary>
public sealed record AiModelQuery(string? Search, string? Base, string? Type, bool IncludeUnavailable);
