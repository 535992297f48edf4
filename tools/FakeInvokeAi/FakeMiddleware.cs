using System.Text.Json.Nodes;

namespace FakeInvokeAi;

/// <summary>Fault injection and multi-user auth in front of the API routes.</summary>
public static class FakeMiddleware
{
    private static readonly string[] PublicPaths = ["/api/v1/app/version", "/api/v1/auth/status", "/api/v1/auth/login"];

    public static async Task FaultsAsync(HttpContext context, RequestDelegate next)
    {
        var path = context.Request.Path.Value ?? "";
        if (!path.StartsWith("/api/", StringComparison.Ordinal) && !path.StartsWith("/ws/", StringComparison.Ordinal))
        {
            await next(context);
            return;
        }
        var state = context.RequestServices.GetRequiredService<FakeState>();
        var (latency, drop, error, malformed) = state.TakeFaults(path + context.Request.QueryString);
        if (latency > 0)
            await Task.Delay(latency, context.RequestAborted);
        if (drop)
        {
            context.Abort();
            return;
        }
        if (error)
        {
            await FakeJson.Detail(500, "Unexpected error: injected fault").ExecuteAsync(context);
            return;
        }
        if (malformed)
        {
            context.Response.ContentType = "application/json";
            await context.Response.WriteAsync("{\"queue_id\":\"default\",\"item_", context.RequestAborted);
            return;
        }
        await next(context);
    }

    /// <summary>Multi-user mode (reference §0): bearer tokens everywhere except liveness, auth and image bytes; mutations refresh the token.</summary>
    public static async Task AuthAsync(HttpContext context, RequestDelegate next)
    {
        var state = context.RequestServices.GetRequiredService<FakeState>();
        var path = context.Request.Path.Value ?? "";
        var open = !state.Options.MultiUser
                   || !path.StartsWith("/api/", StringComparison.Ordinal)
                   || PublicPaths.Contains(path)
                   || (path.StartsWith("/api/v1/images/i/", StringComparison.Ordinal) && (path.EndsWith("/full", StringComparison.Ordinal) || path.EndsWith("/thumbnail", StringComparison.Ordinal)));
        if (open)
        {
            await next(context);
            return;
        }
        var header = context.Request.Headers.Authorization.ToString();
        var token = header.StartsWith("Bearer ", StringComparison.Ordinal) ? header[7..] : null;
        if (!state.IsValidToken(token))
        {
            await Results.Json(new JsonObject { ["detail"] = token is null ? "Not authenticated" : "Invalid or expired token" }, statusCode: 401).ExecuteAsync(context);
            return;
        }
        if (!HttpMethods.IsGet(context.Request.Method) && !HttpMethods.IsHead(context.Request.Method))
        {
            var refreshed = state.IssueToken();
            context.Response.OnStarting(() =>
            {
                context.Response.Headers["X-Refreshed-Token"] = refreshed;
                return Task.CompletedTask;
            });
        }
        await next(context);
    }
}
