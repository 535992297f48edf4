using System.Text.Json;
using System.Text.Json.Serialization;

namespace PhotoGallery.Core.Backends.InvokeAi;

/// <summary>The wire's JSON habits: snake_case members, nulls omitted (InvokeAI serializes with exclude-none).</summary>
public static class InvokeAiJson
{
    public static readonly JsonSerializerOptions Options = Create();

    private static JsonSerializerOptions Create()
    {
        var options = new JsonSerializerOptions(JsonSerializerDefaults.Web)
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        };
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
