using System.Text.Json;
using System.Text.Json.Nodes;

namespace FakeInvokeAi;

/// <summary>App info, auth, models and images (reference §0–§2, §5).</summary>
public static class FakeApiEndpoints
{
    public static void MapFakeApi(this WebApplication app)
    {
        app.MapGet("/api/v1/app/version", () => Results.Json(new JsonObject { ["version"] = FakeState.AppVersion }));
        app.MapGet("/api/v1/auth/status", (FakeState state) => Results.Json(new JsonObject
        {
            ["setup_required"] = false,
            ["multiuser_enabled"] = state.Options.MultiUser,
            ["strict_password_checking"] = false,
            ["admin_email"] = state.Options.MultiUser ? state.Options.Email : null,
        }));
        app.MapPost("/api/v1/auth/login", async (HttpContext context, FakeState state) =>
        {
            var body = await JsonNode.ParseAsync(context.Request.Body, cancellationToken: context.RequestAborted);
            if (GraphValidator.Str(body?["email"]) != state.Options.Email || GraphValidator.Str(body?["password"]) != state.Options.Password)
                return FakeJson.Detail(401, "Incorrect email or password");
            return Results.Json(new JsonObject
            {
                ["token"] = state.IssueToken(),
                ["user"] = new JsonObject { ["user_id"] = "owner", ["email"] = state.Options.Email, ["is_admin"] = true },
                ["expires_in"] = 86400,
            });
        });

        app.MapGet("/api/v2/models/", (HttpContext context, FakeState state) =>
        {
            var query = context.Request.Query;
            var bases = query["base_models"].Where(b => b is not null).ToHashSet();
            var models = state.Models.OfType<JsonObject>().Where(m =>
                (bases.Count == 0 || bases.Contains(GraphValidator.Str(m["base"])))
                && (query["model_type"].Count == 0 || GraphValidator.Str(m["type"]) == query["model_type"])
                && (query["model_name"].Count == 0 || GraphValidator.Str(m["name"]) == query["model_name"]));
            return Results.Json(new JsonObject { ["models"] = new JsonArray(models.Select(m => m.DeepClone()).ToArray()) });
        });
        app.MapGet("/api/v2/models/i/{key}", (string key, FakeState state) =>
            state.Models.OfType<JsonObject>().FirstOrDefault(m => GraphValidator.Str(m["key"]) == key) is { } model
                ? Results.Json(model.DeepClone())
                : FakeJson.Detail(404, $"No model found with key {key}"));

        app.MapMethods("/api/v1/images/i/{name}/full", ["GET", "HEAD"], (string name, HttpContext context, FakeState state) =>
            Bytes(context, state, name, i => state.TakeCorruptImage() ? i.Png[..Math.Min(1024, i.Png.Length)] : i.Png, "image/png"));
        app.MapGet("/api/v1/images/i/{name}/thumbnail", (string name, HttpContext context, FakeState state) =>
            Bytes(context, state, name, i => i.Thumbnail, "image/webp"));
        app.MapGet("/api/v1/images/i/{name}", (string name, FakeState state) =>
            state.Image(name) is { } image ? Results.Json(image.ToDto()) : FakeJson.Detail(404, "Not Found"));
        app.MapGet("/api/v1/images/i/{name}/metadata", (string name, FakeState state) =>
            state.Image(name) is not { } image ? FakeJson.Detail(404, "Not Found")
            : image.Metadata is null ? Results.Content("null", "application/json")
            : Results.Json(image.Metadata));
        app.MapPost("/api/v1/images/upload", UploadAsync);
    }

    private static async Task<IResult> UploadAsync(HttpContext context, FakeState state)
    {
        var query = context.Request.Query;
        var missing = new[] { "image_category", "is_intermediate" }.Where(q => query[q].Count == 0).ToList();
        if (missing.Count > 0)
        {
            var details = missing.Select(m => (JsonNode?)new JsonObject { ["type"] = "missing", ["loc"] = new JsonArray("query", m), ["msg"] = "Field required", ["input"] = null });
            return Results.Json(new JsonObject { ["detail"] = new JsonArray(details.ToArray()) }, statusCode: 422);
        }
        if (!context.Request.HasFormContentType)
            return Results.Json(new JsonObject { ["detail"] = new JsonArray(new JsonObject { ["type"] = "missing", ["loc"] = new JsonArray("body", "file"), ["msg"] = "Field required" }) }, statusCode: 422);
        var form = await context.Request.ReadFormAsync(context.RequestAborted);
        if (form.Files.GetFile("file") is not { } file)
            return Results.Json(new JsonObject { ["detail"] = new JsonArray(new JsonObject { ["type"] = "missing", ["loc"] = new JsonArray("body", "file"), ["msg"] = "Field required" }) }, statusCode: 422);
        if (file.ContentType is null || !file.ContentType.StartsWith("image", StringComparison.Ordinal))
            return FakeJson.Detail(415, "Not an image");
        using var buffer = new MemoryStream();
        await file.CopyToAsync(buffer, context.RequestAborted);
        (byte[] Png, byte[] Thumbnail, int Width, int Height) decoded;
        try
        {
            decoded = ImageRenderer.FromUpload(buffer.ToArray());
        }
        catch (Exception ex) when (ex is SixLabors.ImageSharp.UnknownImageFormatException or SixLabors.ImageSharp.InvalidImageContentException)
        {
            return FakeJson.Detail(415, "Failed to read image");
        }
        JsonObject? metadata = null;
        if (form["metadata"].Count > 0)
        {
            try
            {
                metadata = JsonNode.Parse(form["metadata"].ToString()) as JsonObject;
            }
            catch (JsonException)
            {
                metadata = null;   // InvokeAI ignores unparsable metadata on upload
            }
        }
        var image = new FakeImage(Guid.NewGuid() + ".png", decoded.Png, decoded.Thumbnail, decoded.Width, decoded.Height,
            query["image_category"].ToString(), query["is_intermediate"] == "true", query["session_id"].FirstOrDefault(), null,
            query["board_id"].FirstOrDefault(), metadata, state.Now);
        state.AddImage(image);
        return Results.Json(image.ToDto(), statusCode: 201);
    }

    private static async Task<IResult> Bytes(HttpContext context, FakeState state, string name, Func<FakeImage, byte[]> pick, string contentType)
    {
        if (state.Image(name) is not { } image)
            return FakeJson.Detail(404, "Not Found");
        var bytes = pick(image);
        var slow = state.Faults.SlowImageMs;
        context.Response.Headers.CacheControl = "max-age=31536000";
        if (slow <= 0 || HttpMethods.IsHead(context.Request.Method))
            return Results.Bytes(bytes, contentType);
        context.Response.ContentType = contentType;
        context.Response.ContentLength = bytes.Length;
        var chunk = (bytes.Length + 3) / 4;
        for (var offset = 0; offset < bytes.Length; offset += chunk)
        {
            await context.Response.Body.WriteAsync(bytes.AsMemory(offset, Math.Min(chunk, bytes.Length - offset)), context.RequestAborted);
            await context.Response.Body.FlushAsync(context.RequestAborted);
            await Task.Delay(slow, context.RequestAborted);
        }
        return Results.Empty;
    }
}
