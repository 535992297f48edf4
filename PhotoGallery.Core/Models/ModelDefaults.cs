namespace PhotoGallery.Core.Models;

/// <summary>Which VAE and FLUX components to preselect (reference §2.5); pure rules, easy to test.</summary>
public static class ModelDefaults
{
    public static VaeChoices ChooseVae(AiModel mainModel, IReadOnlyList<AiModel> vaesOfSameBase)
    {
        var compatible = vaesOfSameBase.Where(v => v.Type == "vae" && v.Base == mainModel.Base).ToList();
        if (mainModel.Base == "flux")
            return new VaeChoices(compatible, compatible.FirstOrDefault()?.Key, RequiresSeparateVae: true);

        // The model's own default wins: a key of an installed VAE, or "default" for the built-in one.
        var configured = mainModel.DefaultSettings?.Vae;
        if (configured == "default")
            return new VaeChoices(compatible, null, false);
        if (configured is not null && compatible.Any(v => v.Key == configured))
            return new VaeChoices(compatible, configured, false);

        // SDXL's built-in VAE produces artefacts in fp16; the community fp16-fix VAE does not.
        var fp16Fix = mainModel.Base == "sdxl" ? compatible.FirstOrDefault(IsFp16Fix) : null;
        return new VaeChoices(compatible, fp16Fix?.Key, false);
    }

    public static FluxComponentChoices ChooseFluxComponents(IReadOnlyList<AiModel> candidates)
    {
        var vaes = candidates.Where(m => m.Type == "vae" && m.Base == "flux").ToList();
        var t5 = candidates.Where(m => m.Type == "t5_encoder").ToList();
        var clip = candidates.Where(m => m.Type == "clip_embed").ToList();
        // FLUX uses CLIP-L (variant "large"); prefer it, else whatever CLIP embed model is installed.
        var defaultClip = clip.FirstOrDefault(c => c.Variant == "large") ?? clip.FirstOrDefault();
        // The full-precision T5 is the safer default when both it and a quantized one exist.
        var defaultT5 = t5.FirstOrDefault(m => m.Format == "t5_encoder") ?? t5.FirstOrDefault();
        return new FluxComponentChoices(vaes, t5, clip, vaes.FirstOrDefault(), defaultT5, defaultClip);
    }

    public static bool IsFp16Fix(AiModel vae)
    {
        var name = vae.Name.ToLowerInvariant();
        return name.Contains("fp16") && name.Contains("fix");
    }
}
