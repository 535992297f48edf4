using Serilog.Events;

namespace PhotoGallery.Web.Logging;

/// <summary>
/// The level of Serilog's one line per request. Thumbnails and previews are fetched by the hundred while the library
/// scrolls: serving one is flow (Debug), not news for an operator, and logging each at Information halved the
/// thumbnail endpoint's requests/s (docs/benchmarks.md, http). Failures keep Serilog's default levels.
/// </summary>
public static class RequestLogLevels
{
    public static LogEventLevel For(HttpContext http, double elapsedMilliseconds, Exception? exception)
    {
        if (exception is not null || http.Response.StatusCode > 499)
            return LogEventLevel.Error;
        return http.Response.StatusCode < 400 && IsDerivedImage(http.Request.Path) ? LogEventLevel.Debug : LogEventLevel.Information;
    }

    private static bool IsDerivedImage(PathString path) =>
        path.StartsWithSegments("/media", StringComparison.OrdinalIgnoreCase)
        && path.Value is { } value
        && (value.EndsWith("/thumbnail", StringComparison.OrdinalIgnoreCase) || value.EndsWith("/preview", StringComparison.OrdinalIgnoreCase));
}
