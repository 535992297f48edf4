using System.Text.Json.Nodes;

namespace FakeInvokeAi;

/// <summary>A stored image: PNG, WebP thumbnail, record fields and metadata (null when it has none).</summary>
public sealed record FakeImage(
    string ImageName,
    byte[] Png,
    byte[] Thumbnail,
    int Width,
    int Height,
    string Category,
    bool IsIntermediate,
    string? SessionId,
    string? NodeId,
    string? BoardId,
    JsonObject? Metadata,
    DateTime CreatedAt)
{
    public JsonObject ToDto() => FakeJson.WithoutNulls(new JsonObject
    {
        ["image_name"] = ImageName,
        ["image_url"] = $"api/v1/images/i/{ImageName}/full",
        ["thumbnail_url"] = $"api/v1/images/i/{ImageName}/thumbnail",
        ["image_origin"] = "internal",
        ["image_category"] = Category,
        ["width"] = Width,
        ["height"] = Height,
        ["created_at"] = FakeTime.Format(CreatedAt),
        ["updated_at"] = FakeTime.Format(CreatedAt),
        ["is_intermediate"] = IsIntermediate,
        ["session_id"] = SessionId,
        ["node_id"] = NodeId,
        ["starred"] = false,
        ["has_workflow"] = false,
        ["image_subfolder"] = "",
        ["board_id"] = BoardId,
    });
}
