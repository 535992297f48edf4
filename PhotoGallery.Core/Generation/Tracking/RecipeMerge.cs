using System.Text.Json.Nodes;

namespace PhotoGallery.Core.Generation.Tracking;

/// <summary>A generated photo's parameters: the step's recipe with the alternative's seed, and what InvokeAI's metadata adds.</summary>
public static class RecipeMerge
{
    public static GenerationParameters Merge(GenerationParameters step, long seed, JsonObject? metadata, out string? conflict)
    {
        conflict = null;
        var merged = new GenerationParameters
        {
            Width = step.Width,
            Height = step.Height,
            Steps = step.Steps,
            CfgScale = step.CfgScale,
            Scheduler = step.Scheduler,
            Seed = seed,
            Strength = step.Strength,
            Guidance = step.Guidance,
            ClipSkip = step.ClipSkip,
            ModelBase = step.ModelBase,
            VaeKey = step.VaeKey,
            T5EncoderKey = step.T5EncoderKey,
            ClipEmbedKey = step.ClipEmbedKey,
        };
        if (metadata is null)
            return merged;
        // InvokeAI's record of the run is what was really used.
        if (Long(metadata["seed"]) is { } used && used != seed)
        {
            conflict = $"seed {used} instead of {seed}";
            merged.Seed = used;
        }
        merged.Width = (int?)Long(metadata["width"]) ?? merged.Width;
        merged.Height = (int?)Long(metadata["height"]) ?? merged.Height;
        merged.Steps = (int?)Long(metadata["steps"]) ?? merged.Steps;
        merged.ClipSkip = (int?)Long(metadata["clip_skip"]) ?? merged.ClipSkip;
        if (metadata["cfg_scale"] is JsonValue cfg && cfg.TryGetValue<double>(out var cfgValue))
            merged.CfgScale = cfgValue;
        if (metadata["guidance"] is JsonValue guidance && guidance.TryGetValue<double>(out var guidanceValue))
            merged.Guidance = guidanceValue;
        if (metadata["scheduler"] is JsonValue scheduler && scheduler.TryGetValue<string>(out var schedulerName))
            merged.Scheduler = schedulerName;
        return merged;
    }

    private static long? Long(JsonNode? node) =>
        node is JsonValue value && (value.TryGetValue<long>(out var number) || (value.TryGetValue<double>(out var d) && (number = (long)d) == d)) ? number : null;
}
