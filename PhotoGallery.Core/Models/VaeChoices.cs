namespace PhotoGallery.Core.Models;

/// <summary>
/// VAEs that fit a main model (same base, reference §2.5) and the one to preselect; a null
/// <see cref="PreferredKey"/> means the model's built-in VAE.
/// </summary>
public sealed record VaeChoices(IReadOnlyList<AiModel> Compatible, string? PreferredKey, bool RequiresSeparateVae);
