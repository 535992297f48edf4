namespace PhotoGallery.Core.Backends.InvokeAi.Graphs;

/// <summary>Checks a request against the reference's limits before anything is sent, with messages for the owner.</summary>
public static class GenerationRequestValidator
{
    public const long MaxSeed = 4294967295;
    public const int MaxSize = 8192;
    public const int MaxSteps = 1000;

    public static void Validate(GenerationRequest request)
    {
        ValidateModels(request);

        var problems = new List<string>();
        var modelBase = request.Model.Base;
        var multiple = ModelBases.SizeMultiple(modelBase);
        CheckSize(problems, "Width", request.Width, multiple, modelBase);
        CheckSize(problems, "Height", request.Height, multiple, modelBase);
        if (string.IsNullOrWhiteSpace(request.Prompt))
            problems.Add("The prompt is empty.");
        if (request.Steps is < 1 or > MaxSteps)
            problems.Add($"Steps must be between 1 and {MaxSteps}, not {request.Steps}.");
        if (modelBase == ModelBases.Flux)
        {
            if (!(request.Guidance >= 1))
                problems.Add($"FLUX guidance must be at least 1, not {request.Guidance}.");
        }
        else if (!(request.CfgScale >= 1))
        {
            problems.Add($"CFG scale must be at least 1, not {request.CfgScale}.");
        }
        if (!InvokeAiSchedulers.For(modelBase).Contains(request.Scheduler))
            problems.Add($"Scheduler '{request.Scheduler}' is not available for {modelBase} models (allowed: {string.Join(", ", InvokeAiSchedulers.For(modelBase))}).");
        if (request.Seeds.Count == 0)
            problems.Add("At least one seed (one image) is needed.");
        if (request.Seeds.Any(s => s is < 0 or > MaxSeed))
            problems.Add($"Seeds must be between 0 and {MaxSeed}.");
        if (string.IsNullOrWhiteSpace(request.Destination))
            problems.Add("A destination (correlation value) is required.");
        if (request.Source is { } source)
        {
            if (string.IsNullOrWhiteSpace(source.ImageName))
                problems.Add("The source image has no InvokeAI image name; upload it first.");
            if (source.Width < 1 || source.Height < 1)
                problems.Add("The source image size is unknown.");
            if (!(source.Strength > 0 && source.Strength <= 1))
                problems.Add($"Strength must be above 0 and at most 1, not {source.Strength}.");
        }
        if (problems.Count > 0)
            throw new InvokeAiGenerationException("The generation settings are not valid: " + string.Join(" ", problems));
    }

    private static void CheckSize(List<string> problems, string name, int value, int multiple, string modelBase)
    {
        if (value < 64 || value > MaxSize)
            problems.Add($"{name} must be between 64 and {MaxSize} pixels, not {value}.");
        else if (value % multiple != 0)
            problems.Add($"{name} must be a multiple of {multiple} for {modelBase} models ({value} → {ModelBases.SnapSize(modelBase, value)}).");
    }

    private static void ValidateModels(GenerationRequest request)
    {
        var model = request.Model;
        if (model.Type != "main")
            throw new InvokeAiModelException($"'{model.Name}' is a {model.Type} model, not a main model.");
        if (!ModelBases.Supported.Contains(model.Base))
            throw new InvokeAiModelException($"'{model.Name}' is a {model.Base} model; only SD 1.x, SD 2, SDXL and FLUX models can be used here.");
        if (model.Base == ModelBases.Flux)
        {
            Require(request.Vae, "vae", ModelBases.Flux, "a FLUX VAE", model);
            Require(request.T5Encoder, "t5_encoder", null, "a T5 encoder", model);
            Require(request.ClipEmbed, "clip_embed", null, "a CLIP-L embed model", model);
        }
        else if (request.Vae is { } vae)
        {
            if (vae.Type != "vae" || vae.Base != model.Base)
                throw new InvokeAiModelException($"VAE '{vae.Name}' ({vae.Base} {vae.Type}) does not fit the {model.Base} model '{model.Name}'.");
        }
    }

    private static void Require(ModelIdentifier? part, string type, string? modelBase, string what, ModelIdentifier model)
    {
        if (part is null)
            throw new InvokeAiModelException($"FLUX model '{model.Name}' needs {what}; none is selected or installed.");
        if (part.Type != type || (modelBase is not null && part.Base != modelBase))
            throw new InvokeAiModelException($"'{part.Name}' ({part.Base} {part.Type}) cannot serve as {what} for '{model.Name}'.");
    }
}
