using System.Text.Json.Nodes;

namespace FakeInvokeAi;

/// <summary>The session queue routes (reference §4).</summary>
public static class FakeQueueEndpoints
{
    private const string Q = "/api/v1/queue/{queue_id}";

    public static void MapFakeQueue(this WebApplication app)
    {
        app.MapPost(Q + "/enqueue_batch", async (HttpContext context, FakeState state) =>
        {
            JsonObject? body;
            try
            {
                body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted) as JsonObject;
            }
            catch (System.Text.Json.JsonException ex)
            {
                return Results.Json(new JsonObject { ["detail"] = new JsonArray(new JsonObject { ["type"] = "json_invalid", ["loc"] = new JsonArray("body", 0), ["msg"] = "JSON decode error", ["ctx"] = new JsonObject { ["error"] = ex.Message } }) }, statusCode: 422);
            }
            var errors = GraphValidator.Validate(body?["batch"] as JsonObject);
            if (errors.Count > 0)
                return Results.Json(new JsonObject { ["detail"] = new JsonArray(errors.Select(e => (JsonNode?)e).ToArray()) }, statusCode: 422);
            var (batchId, ids, priority) = state.Enqueue(body!);
            var echo = body!["batch"]!.DeepClone();
            return Results.Json(new JsonObject
            {
                ["queue_id"] = "default",
                ["enqueued"] = ids.Count,
                ["requested"] = ids.Count,
                ["batch"] = echo,
                ["priority"] = priority,
                ["item_ids"] = new JsonArray(ids.Select(i => (JsonNode?)i).ToArray()),
            });
        });
        app.MapGet(Q + "/status", (FakeState state) =>
        {
            var current = state.Items(i => i.Status == "in_progress").FirstOrDefault();
            return Results.Json(new JsonObject
            {
                ["queue"] = state.QueueCounts(current),
                ["processor"] = new JsonObject { ["is_started"] = true, ["is_processing"] = current is not null },
            });
        });
        app.MapGet(Q + "/b/{batch_id}/status", (string batch_id, FakeState state) => Results.Json(state.BatchStatus(batch_id)));
        app.MapGet(Q + "/i/{item_id:int}", (int item_id, FakeState state) =>
            state.Item(item_id) is { } item ? Results.Json(state.Snapshot(item)) : NotFound(item_id));
        app.MapPost(Q + "/items_by_ids", async (HttpContext context, FakeState state) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var ids = (body?["item_ids"] as JsonArray ?? []).Select(i => i!.GetValue<int>());
            var items = ids.Select(state.Item).OfType<FakeQueueItem>().Select(i => (JsonNode?)state.Snapshot(i)).ToArray();
            return Results.Json(new JsonArray(items));
        });
        app.MapGet(Q + "/list_all", (string? destination, FakeState state) =>
        {
            var items = state.Items(i => destination is null || i.Destination == destination)
                .OrderByDescending(i => i.Priority).ThenBy(i => i.ItemId).Select(i => (JsonNode?)state.Snapshot(i)).ToArray();
            return Results.Json(new JsonArray(items));
        });
        app.MapGet(Q + "/item_ids", (string? order_dir, FakeState state) =>
        {
            var ids = state.Items(_ => true).Select(i => i.ItemId);
            ids = order_dir == "DESC" ? ids.OrderDescending() : ids.Order();
            var list = ids.ToList();
            return Results.Json(new JsonObject { ["item_ids"] = new JsonArray(list.Select(i => (JsonNode?)i).ToArray()), ["total_count"] = list.Count });
        });
        app.MapGet(Q + "/current", (FakeState state) =>
            state.Items(i => i.Status == "in_progress").FirstOrDefault() is { } item ? Results.Json(state.Snapshot(item)) : Results.Content("null", "application/json"));
        app.MapPut(Q + "/i/{item_id:int}/cancel", async (int item_id, FakeState state, QueueProcessor processor) =>
        {
            if (state.Item(item_id) is not { } item)
                return NotFound(item_id);
            if (state.Transition(item, "canceled", i => i.CompletedAt = state.Now))
                await processor.EmitStatusAsync(item);
            return Results.Json(state.Snapshot(item));
        });
        app.MapPut(Q + "/cancel_by_batch_ids", async (HttpContext context, FakeState state, QueueProcessor processor) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            var batchIds = (body?["batch_ids"] as JsonArray ?? []).Select(b => GraphValidator.Str(b)).ToHashSet();
            return Results.Json(new JsonObject { ["canceled"] = await CancelAsync(state, processor, i => batchIds.Contains(i.BatchId)) });
        });
        app.MapPut(Q + "/cancel_by_destination", async (string destination, FakeState state, QueueProcessor processor) =>
            Results.Json(new JsonObject { ["canceled"] = await CancelAsync(state, processor, i => i.Destination == destination) }));
    }

    /// <summary>v6.13.8 bulk cancel: pending rows flip silently; only the running item gets an event and it is not counted (reference §4.6).</summary>
    private static async Task<int> CancelAsync(FakeState state, QueueProcessor processor, Func<FakeQueueItem, bool> match)
    {
        var canceled = 0;
        foreach (var item in state.Items(i => !i.IsTerminal && match(i)))
        {
            var running = item.Status == "in_progress";
            if (!state.Transition(item, "canceled", i => i.CompletedAt = state.Now))
                continue;
            if (running)
                await processor.EmitStatusAsync(item);
            else
                canceled++;
        }
        return canceled;
    }

    private static IResult NotFound(int itemId) => FakeJson.Detail(404, $"Queue item with id {itemId} not found in queue default");
}
