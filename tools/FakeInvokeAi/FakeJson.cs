using System.Text.Json.Nodes;

namespace FakeInvokeAi;

public static class FakeJson
{
    /// <summary>Drops top-level null members (exclude-none serialization).</summary>
    public static JsonObject WithoutNulls(JsonObject obj)
    {
        foreach (var key in obj.Where(p => p.Value is null).Select(p => p.Key).ToList())
            obj.Remove(key);
        return obj;
    }

    public static IResult Detail(int status, string detail) =>
        Results.Json(new JsonObject { ["detail"] = detail }, statusCode: status);
}
