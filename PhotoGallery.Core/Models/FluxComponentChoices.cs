namespace PhotoGallery.Core.Models;

/// <summary>What a FLUX.1 model needs besides itself (reference §2.5), each list with its preselected default.</summary>
public sealed record FluxComponentChoices(
    IReadOnlyList<AiModel> Vaes,
    IReadOnlyList<AiModel> T5Encoders,
    IReadOnlyList<AiModel> ClipEmbeds,
    AiModel? DefaultVae,
    AiModel? DefaultT5Encoder,
    AiModel? DefaultClipEmbed);
