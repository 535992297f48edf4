using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeInvokeAi;

/// <summary>
/// Enqueue-time checks InvokeAI makes (reference §3, §4.1): node ids and types, direct-only required inputs,
/// literal types and ranges, edges (existence, fields, types, cycles) and batch data. Each problem becomes one
/// entry of a 422 <c>detail</c> list.
/// </summary>
public static class GraphValidator
{
    public static List<JsonObject> Validate(JsonObject? batch)
    {
        var errors = new List<JsonObject>();
        if (batch?["graph"] is not JsonObject graph || graph["nodes"] is not JsonObject nodes)
        {
            errors.Add(Error("missing", ["body", "batch", "graph"], "Field required", null));
            return errors;
        }
        var edges = graph["edges"] as JsonArray ?? [];
        var connected = new HashSet<(string, string)>();
        foreach (var edge in edges)
        {
            if (edge?["destination"] is JsonObject d && Str(d["node_id"]) is { } dn && Str(d["field"]) is { } df)
                connected.Add((dn, df));
        }

        foreach (var (key, value) in nodes)
            ValidateNode(errors, key, value as JsonObject, connected);
        ValidateEdges(errors, nodes, edges);
        ValidateData(errors, nodes, batch["data"] as JsonArray);
        if (batch["runs"] is JsonValue runs && (!runs.TryGetValue<int>(out var r) || r < 1))
            errors.Add(Error("greater_than_equal", ["body", "batch", "runs"], "Input should be greater than or equal to 1", runs.DeepClone()));
        return errors;
    }

    private static void ValidateNode(List<JsonObject> errors, string key, JsonObject? node, HashSet<(string, string)> connected)
    {
        string[] loc = ["body", "batch", "graph", "nodes", key];
        if (node is null)
        {
            errors.Add(Error("model_type", loc, "Input should be a valid dictionary or object", null));
            return;
        }
        if (Str(node["id"]) != key)
            errors.Add(Error("value_error", loc, $"Value error, Node ids must match, got {key} and {Str(node["id"])}", null));
        var type = Str(node["type"]);
        if (type is null || !NodeCatalog.Nodes.TryGetValue(type, out var spec))
        {
            errors.Add(Error("union_tag_invalid", [.. loc, "type"], $"Input tag '{type}' found using 'type' does not match any of the expected tags", type));
            return;
        }
        foreach (var (name, field) in spec.Inputs)
        {
            var present = node.ContainsKey(name) && node[name] is not null;
            if (field.Required && field.DirectOnly && !present)
                errors.Add(Error("missing", [.. loc, type, name], "Field required", null));
            if (present && !connected.Contains((key, name)))
                ValidateValue(errors, [.. loc, type, name], field, node[name]!);
        }
    }

    private static void ValidateValue(List<JsonObject> errors, string[] loc, FieldSpec field, JsonNode value)
    {
        switch (field.Type)
        {
            case "int" when !(value is JsonValue v && v.GetValueKind() == JsonValueKind.Number && v.TryGetValue<long>(out _)):
                errors.Add(Error("int_type", loc, "Input should be a valid integer", value.DeepClone()));
                return;
            case "float" when !(value is JsonValue f && f.GetValueKind() == JsonValueKind.Number):
                errors.Add(Error("float_type", loc, "Input should be a valid number", value.DeepClone()));
                return;
            case "bool" when !(value is JsonValue b && b.GetValueKind() is JsonValueKind.True or JsonValueKind.False):
                errors.Add(Error("bool_type", loc, "Input should be a valid boolean", value.DeepClone()));
                return;
            case "str" when value is not JsonValue:
                errors.Add(Error("string_type", loc, "Input should be a valid string", value.DeepClone()));
                return;
            case "enum" when field.Allowed is { } allowed && !allowed.Contains(Str(value) ?? ""):
                errors.Add(Error("literal_error", loc, $"Input should be {string.Join(", ", allowed.Select(a => $"'{a}'"))}", value.DeepClone()));
                return;
            case "model":
                foreach (var member in new[] { "key", "hash", "name", "base", "type" })
                {
                    if (value is not JsonObject model || Str(model[member]) is null)
                        errors.Add(Error("missing", [.. loc, member], "Field required", null));
                }
                return;
            case "Image" when value is not JsonObject { } image || Str(image["image_name"]) is null:
                errors.Add(Error("missing", [.. loc, "image_name"], "Field required", null));
                return;
        }
        if (value is JsonValue number && number.GetValueKind() == JsonValueKind.Number && number.TryGetValue<double>(out var n))
        {
            if (field.Min is { } min && n < min)
                errors.Add(Error("greater_than_equal", loc, $"Input should be greater than or equal to {min}", value.DeepClone()));
            if (field.Max is { } max && (field.MaxExclusive ? n >= max : n > max))
                errors.Add(Error(field.MaxExclusive ? "less_than" : "less_than_equal", loc, $"Input should be less than {(field.MaxExclusive ? "" : "or equal to ")}{max}", value.DeepClone()));
            if (field.MultipleOf is { } multiple && n % multiple != 0)
                errors.Add(Error("multiple_of", loc, $"Input should be a multiple of {multiple}", value.DeepClone()));
        }
    }

    private static void ValidateEdges(List<JsonObject> errors, JsonObject nodes, JsonArray edges)
    {
        var adjacency = new Dictionary<string, List<string>>();
        for (var i = 0; i < edges.Count; i++)
        {
            string[] loc = ["body", "batch", "graph", "edges", i.ToString(System.Globalization.CultureInfo.InvariantCulture)];
            var edge = edges[i] as JsonObject;
            var sn = Str(edge?["source"]?["node_id"]);
            var sf = Str(edge?["source"]?["field"]);
            var dn = Str(edge?["destination"]?["node_id"]);
            var df = Str(edge?["destination"]?["field"]);
            if (sn is null || sf is null || dn is null || df is null)
            {
                errors.Add(Error("missing", loc, "Field required", null));
                continue;
            }
            var source = Spec(nodes, sn);
            var destination = Spec(nodes, dn);
            if (source is null || destination is null)
            {
                errors.Add(Error("value_error", loc, $"Value error, Edge source or destination node does not exist: {sn}.{sf} -> {dn}.{df}", null));
                continue;
            }
            if (!source.Outputs.TryGetValue(sf, out var outType))
            {
                errors.Add(Error("value_error", loc, $"Value error, Edge source field {sf} does not exist in node {sn}", null));
                continue;
            }
            if (!destination.Inputs.TryGetValue(df, out var input))
            {
                errors.Add(Error("value_error", loc, $"Value error, Edge destination field {df} does not exist in node {dn}", null));
                continue;
            }
            if (!Compatible(outType, input))
                errors.Add(Error("value_error", loc, $"Value error, Fields are incompatible: cannot connect {sn}.{sf} ({outType}) to {dn}.{df} ({input.Type})", null));
            if (!adjacency.TryGetValue(sn, out var next))
                adjacency[sn] = next = [];
            next.Add(dn);
        }
        if (HasCycle(adjacency))
            errors.Add(Error("value_error", ["body", "batch", "graph"], "Value error, Graph contains cycles", null));
    }

    private static void ValidateData(List<JsonObject> errors, JsonObject nodes, JsonArray? data)
    {
        if (data is null)
            return;
        var seen = new HashSet<(string, string)>();
        for (var g = 0; g < data.Count; g++)
        {
            var group = data[g] as JsonArray ?? [];
            var lengths = new HashSet<int>();
            foreach (var datum in group.OfType<JsonObject>())
            {
                var path = Str(datum["node_path"]);
                var field = Str(datum["field_name"]);
                var items = datum["items"] as JsonArray ?? [];
                lengths.Add(items.Count);
                string[] loc = ["body", "batch", "data"];
                if (path is null || field is null || Spec(nodes, path) is not { } spec)
                    errors.Add(Error("value_error", loc, $"Value error, Node {path} not found in graph", null));
                else if (!spec.Inputs.ContainsKey(field))
                    errors.Add(Error("value_error", loc, $"Value error, Field {field} not found in node {path}", null));
                else if (!seen.Add((path, field)))
                    errors.Add(Error("value_error", loc, $"Value error, Each batch data must have unique node_id and field_name: {path}.{field}", null));
                if (items.Select(i => i?.GetValueKind() ?? JsonValueKind.Null).Distinct().Count() > 1)
                    errors.Add(Error("value_error", loc, "Value error, All items in a batch must have the same type", null));
            }
            if (lengths.Count > 1)
                errors.Add(Error("value_error", ["body", "batch", "data"], "Value error, Zipped batch items must all have the same length", null));
        }
    }

    private static bool Compatible(string outputType, FieldSpec input) =>
        input.Type == "any"
        || outputType == input.Type
        || (outputType == "collection" && (input.AcceptsCollection || input.Type == "collection"))
        || (outputType == "int" && input.Type == "float");

    private static bool HasCycle(Dictionary<string, List<string>> adjacency)
    {
        var state = new Dictionary<string, int>();
        bool Visit(string node)
        {
            if (state.TryGetValue(node, out var s))
                return s == 1;
            state[node] = 1;
            foreach (var next in adjacency.GetValueOrDefault(node) ?? [])
            {
                if (Visit(next))
                    return true;
            }
            state[node] = 2;
            return false;
        }
        return adjacency.Keys.ToList().Any(Visit);
    }

    private static NodeSpec? Spec(JsonObject nodes, string id) =>
        nodes[id] is JsonObject node && Str(node["type"]) is { } type ? NodeCatalog.Nodes.GetValueOrDefault(type) : null;

    public static string? Str(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static JsonObject Error(string type, string[] loc, string msg, JsonNode? input) => new()
    {
        ["type"] = type,
        ["loc"] = new JsonArray(loc.Select(l => (JsonNode?)l).ToArray()),
        ["msg"] = msg,
        ["input"] = input,
    };
}
