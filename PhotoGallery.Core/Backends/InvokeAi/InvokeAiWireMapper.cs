using System.Text.Json;
using System.Text.Json.Nodes;
using PhotoGallery.Core.Backends.InvokeAi.Wire;

namespace PhotoGallery.Core.Backends.InvokeAi;

/// <summary>Turns wire records into the app's own types.</summary>
internal static class InvokeAiWireMapper
{
    /// <summary>The node id our graph builders give the seed source node; its value is the item's seed.</summary>
    public const string SeedNodeId = "seed";

    public static InvokeAiModel ToModel(ModelConfigWire wire) => new(
        wire.Key,
        wire.Hash,
        wire.Name,
        wire.Base,
        wire.Type,
        wire.Format,
        wire.Variant is { ValueKind: JsonValueKind.String } variant ? variant.GetString() : null,
        wire.Description,
        wire.DefaultSettings is { } d
            ? new InvokeAiModelDefaults(d.Vae, d.VaePrecision, d.Scheduler, d.Steps, d.CfgScale, d.CfgRescaleMultiplier, d.Width, d.Height, d.Guidance)
            : null);

    public static InvokeAiQueueItem ToQueueItem(QueueItemWire wire) => new(
        wire.ItemId,
        QueueItemStatusExtensions.ParseQueueItemStatus(wire.Status),
        wire.StatusSequence ?? 0,
        wire.BatchId,
        wire.SessionId,
        wire.Destination,
        wire.ErrorType,
        wire.ErrorMessage,
        InvokeAiTimestamp.Parse(wire.CreatedAt),
        InvokeAiTimestamp.Parse(wire.UpdatedAt),
        InvokeAiTimestamp.Parse(wire.StartedAt),
        InvokeAiTimestamp.Parse(wire.CompletedAt),
        ReadSeed(wire.FieldValues),
        ReadImages(wire.Session));

    public static InvokeAiImage ToImage(ImageDtoWire wire) => new(
        wire.ImageName,
        wire.Width,
        wire.Height,
        wire.ImageCategory,
        wire.IsIntermediate,
        wire.SessionId,
        wire.BoardId,
        InvokeAiTimestamp.Parse(wire.CreatedAt));

    private static long? ReadSeed(IReadOnlyList<FieldValueWire>? values)
    {
        var seed = values?.FirstOrDefault(v => v.NodePath == SeedNodeId && v.FieldName == "value")?.Value;
        return seed is JsonValue value && value.TryGetValue<long>(out var number) ? number : null;
    }

    /// <summary>Reference §4.4: our node id → prepared ids → results; any member shaped <c>{image_name}</c> is an image.</summary>
    private static IReadOnlyDictionary<string, IReadOnlyList<string>> ReadImages(SessionWire? session)
    {
        var images = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (session?.SourcePreparedMapping is not { } mapping || session.Results is not { } results)
            return images;
        foreach (var (sourceId, preparedIds) in mapping)
        {
            var names = new List<string>();
            foreach (var preparedId in preparedIds)
            {
                if (results.TryGetValue(preparedId, out var output))
                    CollectImageNames(output, names);
            }
            if (names.Count > 0)
                images[sourceId] = names;
        }
        return images;
    }

    private static void CollectImageNames(JsonNode? node, List<string> names)
    {
        switch (node)
        {
            case JsonObject obj when obj["image_name"] is JsonValue name && name.TryGetValue<string>(out var text):
                names.Add(text);
                break;
            case JsonObject obj:
                foreach (var (_, child) in obj)
                    CollectImageNames(child, names);
                break;
            case JsonArray array:
                foreach (var child in array)
                    CollectImageNames(child, names);
                break;
        }
    }
}
