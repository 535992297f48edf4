using System.Text.Json;
using System.Text.Json.Nodes;

namespace PhotoGallery.Core.Backends.InvokeAi.Events;

/// <summary>Reads Socket.IO event frames (<c>42["name",{...}]</c>) into the events the app follows.</summary>
public static class InvokeAiEventParser
{
    public const string StatusChanged = "queue_item_status_changed";
    public const string Progress = "invocation_progress";

    /// <summary>The event in a Socket.IO EVENT packet body (after <c>2</c>), or null for events the app ignores.</summary>
    public static InvokeAiEvent? Parse(string packetBody)
    {
        // An ack id may sit between the type and the JSON array: skip digits, and a namespace up to ','.
        var start = packetBody.IndexOf('[');
        if (start < 0)
            return null;
        JsonArray? frame;
        try
        {
            frame = JsonNode.Parse(packetBody[start..]) as JsonArray;
        }
        catch (JsonException)
        {
            return null;
        }
        if (frame is not { Count: >= 2 } || frame[1] is not JsonObject data)
            return null;
        var name = frame[0] is JsonValue n && n.TryGetValue<string>(out var eventName) ? eventName : null;
        if (data["item_id"] is not JsonValue itemValue || !itemValue.TryGetValue<int>(out var itemId))
            return null;
        var batchId = Text(data, "batch_id") ?? "";
        var destination = Text(data, "destination");
        return name switch
        {
            StatusChanged => new QueueItemStatusChangedEvent(
                itemId, batchId, destination,
                QueueItemStatusExtensions.ParseQueueItemStatus(Text(data, "status")),
                data["status_sequence"] is JsonValue seq && seq.TryGetValue<int>(out var sequence) ? sequence : 0,
                Text(data, "error_type"),
                Text(data, "error_message")),
            Progress => new InvocationProgressEvent(
                itemId, batchId, destination,
                Text(data, "invocation_source_id") ?? "",
                Text(data, "message"),
                data["percentage"] is JsonValue p && p.TryGetValue<double>(out var percentage) ? percentage : null,
                data["image"] is JsonObject image ? Text(image, "dataURL") : null),
            _ => null,
        };
    }

    private static string? Text(JsonObject data, string name) =>
        data[name] is JsonValue value && value.TryGetValue<string>(out var text) ? text : null;
}
