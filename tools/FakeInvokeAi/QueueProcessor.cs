using System.Text.Json.Nodes;

namespace FakeInvokeAi;

/// <summary>
/// Runs pending items one at a time: pending → in_progress → completed (or failed/canceled), with progress events
/// spread over <see cref="FakeInvokeAiOptions.ItemDurationMs"/>. Run-time failures mirror InvokeAI's: unknown models
/// and missing connectable inputs fail the item, not the enqueue (reference §3).
/// </summary>
public sealed class QueueProcessor(FakeState state, SocketHub hub, ILogger<QueueProcessor> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var item = state.NextPending();
            if (item is null)
            {
                await state.WaitForWorkAsync(TimeSpan.FromMilliseconds(200), stoppingToken);
                continue;
            }
            try
            {
                await RunAsync(item, stoppingToken);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                logger.LogError(ex, "Item {ItemId} crashed the fake processor", item.ItemId);
                await FailAsync(item, ex.GetType().Name, ex.Message);
            }
        }
    }

    private async Task RunAsync(FakeQueueItem item, CancellationToken stoppingToken)
    {
        if (!state.Transition(item, "in_progress", i => i.StartedAt = state.Now))
            return;
        await EmitStatusAsync(item);
        if (RuntimeError(item) is { } error)
        {
            await FailAsync(item, error.Type, error.Message);
            return;
        }
        var nodes = (JsonObject)item.Graph["nodes"]!;
        var output = nodes.First(n => n.Value?["is_intermediate"]?.GetValue<bool>() == false).Key;
        var denoise = nodes.FirstOrDefault(n => GraphValidator.Str(n.Value?["type"]) is "denoise_latents" or "flux_denoise").Key ?? output;
        var steps = Math.Max(1, state.Options.ProgressSteps);
        for (var step = 1; step <= steps; step++)
        {
            await Task.Delay(Math.Max(1, state.Options.ItemDurationMs / steps), stoppingToken);
            if (state.Item(item.ItemId) is not { Status: "in_progress" })
                return;   // canceled (or forgotten by a restart) meanwhile
            await EmitProgressAsync(item, denoise, step / (double)steps);
        }

        var (width, height) = OutputSize(nodes, output);
        var metadata = Metadata(item);
        var seed = metadata?["seed"] is JsonValue s && s.TryGetValue<long>(out var seedValue) ? seedValue : 0;
        var prompt = GraphValidator.Str(metadata?["positive_prompt"]) ?? "";
        var (png, thumbnail) = ImageRenderer.Render(width, height, seed, prompt, metadata, item.Graph);
        var imageName = Guid.NewGuid() + ".png";
        var board = GraphValidator.Str(nodes[output]?["board"]?["board_id"]);
        state.AddImage(new FakeImage(imageName, png, thumbnail, width, height, "general", false, item.SessionId, item.PreparedIds[output], board, metadata, state.Now));
        var result = new JsonObject { ["type"] = "image_output", ["image"] = new JsonObject { ["image_name"] = imageName }, ["width"] = width, ["height"] = height };
        if (!state.Transition(item, "completed", i =>
            {
                i.Results[i.PreparedIds[output]] = result;
                i.CompletedAt = state.Now;
            }))
        {
            return;
        }
        var complete = Common(item);
        complete["session_id"] = item.SessionId;
        complete["invocation"] = nodes[output]!.DeepClone();
        complete["invocation_source_id"] = output;
        complete["result"] = result.DeepClone();
        await hub.EmitAsync("invocation_complete", complete, (JsonObject)complete.DeepClone());
        await EmitStatusAsync(item);
    }

    private (string Type, string Message)? RuntimeError(FakeQueueItem item)
    {
        var known = state.Models.OfType<JsonObject>().Select(m => GraphValidator.Str(m["key"])).ToHashSet();
        var nodes = (JsonObject)item.Graph["nodes"]!;
        var edges = (item.Graph["edges"] as JsonArray ?? []).OfType<JsonObject>()
            .Select(e => (GraphValidator.Str(e["destination"]?["node_id"]), GraphValidator.Str(e["destination"]?["field"]))).ToHashSet();
        foreach (var (id, node) in nodes)
        {
            var spec = NodeCatalog.Nodes[GraphValidator.Str(node!["type"])!];
            foreach (var (field, input) in spec.Inputs)
            {
                if (input.Type == "model" && node[field] is JsonObject model && !known.Contains(GraphValidator.Str(model["key"])))
                    return ("UnknownModelException", $"Unknown model: {GraphValidator.Str(model["key"])}");
                if (input.Type == "Image" && node[field] is JsonObject image && state.Image(GraphValidator.Str(image["image_name"]) ?? "") is null)
                    return ("ImageFileNotFoundException", $"Image {GraphValidator.Str(image["image_name"])} not found");
                if (input.Required && !input.DirectOnly && node[field] is null && !edges.Contains((id, field)))
                    return ("ValidationError", $"1 validation error for {GraphValidator.Str(node["type"])}\n{field}\n  Field required [type=missing]");
            }
        }
        return null;
    }

    private static (int Width, int Height) OutputSize(JsonObject nodes, string output)
    {
        static int? Int(JsonNode? n) => n is JsonValue v && v.TryGetValue<int>(out var i) ? i : null;
        if (GraphValidator.Str(nodes[output]?["type"]) == "img_resize" && Int(nodes[output]?["width"]) is { } w && Int(nodes[output]?["height"]) is { } h)
            return (w, h);
        foreach (var (_, node) in nodes)
        {
            if (GraphValidator.Str(node?["type"]) is "noise" or "flux_denoise" && Int(node?["width"]) is { } nw && Int(node?["height"]) is { } nh)
                return (nw, nh);
        }
        return (512, 512);
    }

    /// <summary>core_metadata's literals plus the values its edges carry from integer/string nodes, plus app_version.</summary>
    private static JsonObject? Metadata(FakeQueueItem item)
    {
        var nodes = (JsonObject)item.Graph["nodes"]!;
        var meta = nodes.FirstOrDefault(n => GraphValidator.Str(n.Value?["type"]) == "core_metadata");
        if (meta.Value is not JsonObject metaNode)
            return null;
        var metadata = new JsonObject();
        foreach (var (key, value) in metaNode)
        {
            if (!NodeCatalog.CommonMembers.Contains(key))
                metadata[key] = value?.DeepClone();
        }
        foreach (var edge in (item.Graph["edges"] as JsonArray ?? []).OfType<JsonObject>())
        {
            if (GraphValidator.Str(edge["destination"]?["node_id"]) != meta.Key)
                continue;
            var source = nodes[GraphValidator.Str(edge["source"]?["node_id"]) ?? ""];
            if (GraphValidator.Str(source?["type"]) is "integer" or "string")
                metadata[GraphValidator.Str(edge["destination"]?["field"])!] = source!["value"]?.DeepClone();
        }
        metadata["app_version"] = FakeState.AppVersion;
        return metadata;
    }

    private async Task FailAsync(FakeQueueItem item, string type, string message)
    {
        if (state.Transition(item, "failed", i =>
            {
                i.ErrorType = type;
                i.ErrorMessage = message;
                i.CompletedAt = state.Now;
            }))
        {
            await EmitStatusAsync(item);
        }
    }

    public async Task EmitStatusAsync(FakeQueueItem item)
    {
        var snapshot = state.Snapshot(item);
        var payload = Common(item);
        foreach (var key in new[] { "status", "status_sequence", "error_type", "error_message", "error_traceback", "created_at", "updated_at", "started_at", "completed_at", "session_id" })
            payload[key] = snapshot[key]?.DeepClone();
        payload["batch_status"] = state.BatchStatus(item.BatchId);
        payload["queue_status"] = state.QueueCounts(item.Status == "in_progress" ? item : null);
        await hub.EmitAsync("queue_item_status_changed", payload, (JsonObject)payload.DeepClone());
    }

    private async Task EmitProgressAsync(FakeQueueItem item, string sourceNode, double percentage)
    {
        var payload = Common(item);
        payload["session_id"] = item.SessionId;
        payload["invocation"] = item.Graph["nodes"]![sourceNode]!.DeepClone();
        payload["invocation"]!["id"] = item.PreparedIds[sourceNode];
        payload["invocation_source_id"] = sourceNode;
        payload["message"] = "Denoising";
        payload["percentage"] = percentage;
        var admin = (JsonObject)payload.DeepClone();
        admin["image"] = null;   // the admin copy carries no preview (reference §6)
        var seed = item.FieldValues.OfType<JsonObject>().Select(v => v["value"]).OfType<JsonValue>().Select(v => v.TryGetValue<long>(out var n) ? n : 0).FirstOrDefault();
        payload["image"] = new JsonObject { ["width"] = 64, ["height"] = 64, ["dataURL"] = ImageRenderer.PreviewDataUrl(seed, item.ItemId.ToString(System.Globalization.CultureInfo.InvariantCulture), percentage) };
        await hub.EmitAsync("invocation_progress", payload, admin);
    }

    private static JsonObject Common(FakeQueueItem item) => new()
    {
        ["queue_id"] = "default",
        ["item_id"] = item.ItemId,
        ["batch_id"] = item.BatchId,
        ["origin"] = item.Origin,
        ["destination"] = item.Destination,
        ["user_id"] = item.UserId,
    };
}
