using PhotoGallery.Core.Common;

namespace PhotoGallery.Web.Endpoints;

public static class HealthEndpoints
{
    /// <summary><c>GET /healthz</c>: 200 when the database answers and the data root takes a write, else 503.</summary>
    public static IEndpointRouteBuilder MapHealthEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/healthz", async (HealthService health, CancellationToken cancellationToken) =>
        {
            var report = await health.CheckAsync(cancellationToken);
            var body = new
            {
                status = report.Healthy ? "healthy" : "unhealthy",
                database = new { healthy = report.Database.Healthy, detail = report.Database.Detail },
                storage = new { healthy = report.Storage.Healthy, detail = report.Storage.Detail },
            };
            return Results.Json(body, statusCode: report.Healthy ? StatusCodes.Status200OK : StatusCodes.Status503ServiceUnavailable);
        }).DisableAntiforgery().AllowAnonymous();
        return endpoints;
    }
}
