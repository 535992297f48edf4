using System.Text.Json.Nodes;

namespace FakeInvokeAi;

/// <summary>One session queue item; serialized with nulls omitted like InvokeAI's exclude-none (reference §4.3).</summary>
public sealed class FakeQueueItem
{
    public required int ItemId { get; init; }
    public required string BatchId { get; init; }
    public required string SessionId { get; init; }
    public string? Origin { get; init; }
    public string? Destination { get; init; }
    public required int Priority { get; init; }
    public required JsonObject Graph { get; init; }
    public required JsonArray FieldValues { get; init; }
    public required Dictionary<string, string> PreparedIds { get; init; }
    public string UserId { get; init; } = "system";
    public string Status { get; set; } = "pending";
    public int StatusSequence { get; set; }
    public string? ErrorType { get; set; }
    public string? ErrorMessage { get; set; }
    public DateTime CreatedAt { get; init; }
    public DateTime UpdatedAt { get; set; }
    public DateTime? StartedAt { get; set; }
    public DateTime? CompletedAt { get; set; }
    public Dictionary<string, JsonObject> Results { get; } = [];

    public bool IsTerminal => Status is "completed" or "failed" or "canceled";

    public JsonObject ToJson()
    {
        var item = new JsonObject
        {
            ["item_id"] = ItemId,
            ["status"] = Status,
            ["status_sequence"] = StatusSequence,
            ["priority"] = Priority,
            ["batch_id"] = BatchId,
            ["origin"] = Origin,
            ["destination"] = Destination,
            ["session_id"] = SessionId,
            ["error_type"] = ErrorType,
            ["error_message"] = ErrorMessage,
            ["error_traceback"] = ErrorType is null ? null : $"Traceback (most recent call last):\n{ErrorType}: {ErrorMessage}",
            ["created_at"] = FakeTime.Format(CreatedAt),
            ["updated_at"] = FakeTime.Format(UpdatedAt),
            ["started_at"] = StartedAt is { } s ? FakeTime.Format(s) : null,
            ["completed_at"] = CompletedAt is { } c ? FakeTime.Format(c) : null,
            ["queue_id"] = "default",
            ["user_id"] = UserId,
            ["field_values"] = FieldValues.DeepClone(),
            ["session"] = SessionJson(),
        };
        return FakeJson.WithoutNulls(item);
    }

    private JsonObject SessionJson()
    {
        var executionNodes = new JsonObject();
        var preparedSource = new JsonObject();
        var sourcePrepared = new JsonObject();
        foreach (var (source, prepared) in PreparedIds)
        {
            var node = Graph["nodes"]?[source]?.DeepClone() as JsonObject ?? [];
            node["id"] = prepared;
            executionNodes[prepared] = node;
            preparedSource[prepared] = source;
            sourcePrepared[source] = new JsonArray(prepared);
        }
        var results = new JsonObject();
        foreach (var (prepared, result) in Results)
            results[prepared] = result.DeepClone();
        var executed = Status == "completed" ? new JsonArray(PreparedIds.Values.Select(p => (JsonNode?)p).ToArray()) : [];
        return new JsonObject
        {
            ["id"] = SessionId,
            ["graph"] = Graph.DeepClone(),
            ["execution_graph"] = new JsonObject { ["id"] = Guid.NewGuid().ToString(), ["nodes"] = executionNodes, ["edges"] = new JsonArray() },
            ["executed"] = executed,
            ["executed_history"] = executed.DeepClone(),
            ["results"] = results,
            ["errors"] = ErrorType is null ? new JsonObject() : new JsonObject { [PreparedIds.Values.First()] = $"{ErrorType}: {ErrorMessage}" },
            ["prepared_source_mapping"] = preparedSource,
            ["source_prepared_mapping"] = sourcePrepared,
            ["ready_order"] = new JsonArray(),
            ["indegree"] = new JsonObject(),
        };
    }
}
