using Serilog.Core;
using Serilog.Events;

namespace PhotoGallery.Web.Logging;

/// <summary>
/// Keeps share tokens out of the logs: request paths under <c>/s/</c> (public share pages and their media)
/// are logged with the token replaced.
/// </summary>
public sealed class SecretRedactionEnricher : ILogEventEnricher
{
    private static readonly string[] PathProperties = ["RequestPath", "Path"];

    public void Enrich(LogEvent logEvent, ILogEventPropertyFactory propertyFactory)
    {
        foreach (var name in PathProperties)
        {
            if (logEvent.Properties.TryGetValue(name, out var value) && value is ScalarValue { Value: string path })
            {
                var redacted = RedactPath(path);
                if (!ReferenceEquals(redacted, path))
                    logEvent.AddOrUpdateProperty(new LogEventProperty(name, new ScalarValue(redacted)));
            }
        }
    }

    public static string RedactPath(string path)
    {
        if (!path.StartsWith("/s/", StringComparison.OrdinalIgnoreCase))
            return path;
        var end = path.IndexOf('/', 3);
        return end < 0 ? "/s/[token]" : "/s/[token]" + path[end..];
    }
}
