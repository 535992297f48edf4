using PhotoGallery.Core.Backends.InvokeAi.Graphs;
using PhotoGallery.Core.Models;

namespace PhotoGallery.Core.Generation.Steps;

/// <summary>What choosing a model fills in, and which model the form starts with.</summary>
public static class GenerationDefaults
{
    /// <summary>
    /// The model's defaults (size, steps, CFG, guidance, scheduler) and parts (VAE; FLUX: VAE, T5, CLIP-L). With a
    /// source, the size follows the source's shape instead: img2img never stretches.
    /// </summary>
    public static void Apply(GenerationInput input, AiModel model, VaeChoices? vaes, FluxComponentChoices? flux, (int Width, int Height)? sourceSize)
    {
        var d = model.DefaultSettings;
        var limits = BaseLimits.For(model.Base);
        (input.Width, input.Height) = sourceSize is { } size
            ? limits.SizeForAspect(size.Width, size.Height)
            : (limits.Snap(d?.Width ?? limits.NativeSize), limits.Snap(d?.Height ?? limits.NativeSize));
        input.Steps = d?.Steps ?? 30;
        input.CfgScale = d?.CfgScale ?? 7.5;
        input.Guidance = d?.Guidance ?? 4;
        input.Scheduler = d?.Scheduler is { } scheduler && InvokeAiSchedulers.For(model.Base).Contains(scheduler)
            ? scheduler
            : InvokeAiSchedulers.DefaultFor(model.Base);
        if (model.Base == ModelBases.Flux)
        {
            input.VaeKey = flux?.DefaultVae?.Key;
            input.T5EncoderKey = flux?.DefaultT5Encoder?.Key;
            input.ClipEmbedKey = flux?.DefaultClipEmbed?.Key;
        }
        else
        {
            input.VaeKey = vaes?.PreferredKey;
            input.T5EncoderKey = null;
            input.ClipEmbedKey = null;
        }
    }

    /// <summary>The last used model, else the first favourite, else the first available main model (null: none usable).</summary>
    public static AiModel? Preselect(IReadOnlyList<AiModel> mainModels)
    {
        var usable = mainModels.Where(m => m.IsAvailable).ToList();
        return usable.Where(m => m.LastUsedAt is not null).MaxBy(m => m.LastUsedAt)
            ?? usable.FirstOrDefault(m => m.IsFavorite)
            ?? usable.FirstOrDefault();
    }

    /// <summary>Main models the graph builders support (unavailable ones included, to be shown disabled).</summary>
    public static bool IsGenerator(AiModel model) => model.Type == "main" && ModelBases.Supported.Contains(model.Base);
}
