using PhotoGallery.Core.Backends.InvokeAi.Graphs;

namespace PhotoGallery.Core.Generation.Steps;

/// <summary>Between the form's <see cref="GenerationInput"/> and a stored step's recipe.</summary>
public static class StepRecipe
{
    public static GenerationParameters ToParameters(GenerationInput input, string modelBase, long firstSeed) => new()
    {
        Width = input.Width,
        Height = input.Height,
        Steps = input.Steps,
        CfgScale = modelBase == ModelBases.Flux ? 1 : input.CfgScale,
        Scheduler = input.Scheduler,
        Seed = firstSeed,
        Strength = input.IsImageToImage ? input.Strength : null,
        Guidance = modelBase == ModelBases.Flux ? input.Guidance : null,
        ModelBase = modelBase,
        VaeKey = input.VaeKey,
        T5EncoderKey = modelBase == ModelBases.Flux ? input.T5EncoderKey : null,
        ClipEmbedKey = modelBase == ModelBases.Flux ? input.ClipEmbedKey : null,
    };

    /// <summary>The form filled with a recipe (a step's, or a generated photo's with its own seed).</summary>
    public static GenerationInput ToInput(string prompt, string? negativePrompt, string modelKey, GenerationParameters p, Guid? sourcePhotoId) => new()
    {
        Prompt = prompt,
        NegativePrompt = negativePrompt ?? "",
        ModelKey = modelKey,
        Width = p.Width,
        Height = p.Height,
        Steps = p.Steps,
        CfgScale = p.CfgScale,
        Guidance = p.Guidance ?? 4,
        Scheduler = p.Scheduler,
        RandomSeed = false,
        Seed = p.Seed,
        Strength = p.Strength ?? 0.5,
        VaeKey = p.VaeKey,
        T5EncoderKey = p.T5EncoderKey,
        ClipEmbedKey = p.ClipEmbedKey,
        SourcePhotoId = sourcePhotoId,
    };

    /// <summary>A session's title from its first prompt: the first line, at most 80 characters.</summary>
    public static string TitleFrom(string prompt)
    {
        var line = prompt.Trim().Split('\n', 2)[0].Trim();
        return line.Length <= 80 ? line : line[..79].TrimEnd() + "…";
    }
}
