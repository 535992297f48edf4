using System.Globalization;
using PhotoGallery.Core.Backends.InvokeAi.Graphs;
using PhotoGallery.Core.Models;

namespace PhotoGallery.Core.Generation.Steps;

/// <summary>
/// The form's rules, each message written for the field it sits beside (<see cref="GenerationField"/>). Checked in the
/// page as the owner types and again by <see cref="StepSubmitter"/>: nothing invalid is stored or sent.
/// </summary>
public static class GenerationInputValidator
{
    public const int MaxSteps = 150;
    public const double MaxCfgScale = 30;
    public const double MaxGuidance = 20;

    public static IReadOnlyDictionary<string, string> Validate(GenerationInput input, AiModel? model, int maxBatchSize)
    {
        var errors = new Dictionary<string, string>();
        if (string.IsNullOrWhiteSpace(input.Prompt))
            errors[GenerationField.Prompt] = "Write a prompt: what the image should show.";
        else if (input.Prompt.Length > GenerationStep.MaxPromptLength)
            errors[GenerationField.Prompt] = $"The prompt is {input.Prompt.Length} characters; at most {GenerationStep.MaxPromptLength} are allowed.";
        if (input.NegativePrompt.Length > GenerationStep.MaxPromptLength)
            errors[GenerationField.Prompt] = $"The negative prompt is longer than {GenerationStep.MaxPromptLength} characters.";

        if (model is null)
        {
            errors[GenerationField.Model] = "Choose a model.";
        }
        else if (!model.IsAvailable)
        {
            errors[GenerationField.Model] = $"{model.Name} is no longer installed in InvokeAI; choose another model.";
        }
        else if (model.Type != "main" || !ModelBases.Supported.Contains(model.Base))
        {
            errors[GenerationField.Model] = $"{model.Name} ({model.Base} {model.Type}) cannot generate images here; choose an SD 1.x, SD 2, SDXL or FLUX main model.";
        }

        var modelBase = model?.Base ?? ModelBases.Sd1;
        var limits = BaseLimits.For(modelBase);
        CheckSize(errors, GenerationField.Width, input.Width, limits, modelBase);
        CheckSize(errors, GenerationField.Height, input.Height, limits, modelBase);
        if (input.Steps is < 1 or > MaxSteps)
            errors[GenerationField.Steps] = $"Steps must be between 1 and {MaxSteps}.";
        if (modelBase == ModelBases.Flux)
        {
            if (!(input.Guidance >= 1 && input.Guidance <= MaxGuidance))
                errors[GenerationField.Guidance] = $"Guidance must be between 1 and {MaxGuidance.ToString(CultureInfo.InvariantCulture)}.";
        }
        else if (!(input.CfgScale >= 1 && input.CfgScale <= MaxCfgScale))
        {
            errors[GenerationField.CfgScale] = $"CFG scale must be between 1 and {MaxCfgScale.ToString(CultureInfo.InvariantCulture)}.";
        }
        if (!InvokeAiSchedulers.For(modelBase).Contains(input.Scheduler))
            errors[GenerationField.Scheduler] = $"Choose one of the schedulers {ModelNames.Of(modelBase)} models take.";
        if (!input.RandomSeed && input.Seed is < 0 or > GenerationRequestValidator.MaxSeed)
            errors[GenerationField.Seed] = $"The seed must be a whole number from 0 to {GenerationRequestValidator.MaxSeed}.";
        if (input.BatchSize < 1 || input.BatchSize > maxBatchSize)
            errors[GenerationField.BatchSize] = $"Batch size must be between 1 and {maxBatchSize}.";
        if (input.IsImageToImage && !(input.Strength > 0 && input.Strength <= 1))
            errors[GenerationField.Strength] = "Strength must be above 0 and at most 1 (0.5 keeps much of the source, 0.85 repaints most of it).";
        if (modelBase == ModelBases.Flux && model is not null)
        {
            if (string.IsNullOrEmpty(input.VaeKey))
                errors[GenerationField.Vae] = "FLUX needs its VAE; install one in InvokeAI and refresh the Models page.";
            if (string.IsNullOrEmpty(input.T5EncoderKey))
                errors[GenerationField.T5Encoder] = "FLUX needs a T5 encoder; install one in InvokeAI and refresh the Models page.";
            if (string.IsNullOrEmpty(input.ClipEmbedKey))
                errors[GenerationField.ClipEmbed] = "FLUX needs a CLIP-L embed model; install one in InvokeAI and refresh the Models page.";
        }
        return errors;
    }

    /// <summary>One seed per alternative, consecutive (mod 2³²) and so always distinct: InvokeAI caches nodes, equal seeds could return one image twice.</summary>
    public static IReadOnlyList<long> Seeds(GenerationInput input, Random random)
    {
        var first = input.RandomSeed ? random.NextInt64(0, GenerationRequestValidator.MaxSeed + 1) : input.Seed;
        return Enumerable.Range(0, input.BatchSize).Select(i => (first + i) % (GenerationRequestValidator.MaxSeed + 1)).ToList();
    }

    private static void CheckSize(Dictionary<string, string> errors, string field, int value, BaseLimits limits, string modelBase)
    {
        var name = ModelNames.Of(modelBase);
        if (value < limits.MinSize || value > limits.MaxSize)
            errors[field] = $"{field} must be between {limits.MinSize} and {limits.MaxSize} px for {name} models.";
        else if (value % limits.Multiple != 0)
            errors[field] = $"{field} must be a multiple of {limits.Multiple} for {name} models (try {limits.Snap(value)}).";
    }
}
