using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;
using PhotoGallery.Core.Backends.InvokeAi.Events;

namespace PhotoGallery.Core.Backends.InvokeAi;

public static class InvokeAiServiceCollectionExtensions
{
    /// <summary>The InvokeAI client (resilient typed HttpClient), the active-backend provider, the shared event stream and the watcher.</summary>
    public static IServiceCollection AddInvokeAi(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<ActiveBackend>();
        services.TryAddScoped<BackendSettingsService>();
        services.TryAddTransient<InvokeAiEventConnection>();
        services.TryAddSingleton<InvokeAiEventStream>();
        services.TryAddTransient<InvokeAiQueueWatcher>();

        services.AddHttpClient<InvokeAiClient>(http => http.Timeout = Timeout.InfiniteTimeSpan)
            .ConfigurePrimaryHttpMessageHandler(sp => new SocketsHttpHandler
            {
                ConnectTimeout = TimeSpan.FromSeconds(sp.GetRequiredService<IOptions<InvokeAiOptions>>().Value.ConnectionTimeoutSeconds),
                // The pod's proxy address changes; do not pin a connection to an old DNS answer forever.
                PooledConnectionLifetime = TimeSpan.FromMinutes(2),
            })
            .AddStandardResilienceHandler()
            .Configure((o, sp) => ConfigureResilience(o, sp.GetRequiredService<IOptions<InvokeAiOptions>>().Value))
            .SelectPipelineByAuthority();   // the local box and a pod trip their circuits separately
        return services;
    }

    internal static void ConfigureResilience(HttpStandardResilienceOptions o, InvokeAiOptions options)
    {
        var read = TimeSpan.FromSeconds(options.ReadTimeoutSeconds);
#pragma warning disable EXTEXP0001 // experimental in some versions; it is the documented way to keep POSTs unretried
        o.Retry.DisableForUnsafeHttpMethods();   // never re-send an enqueue
#pragma warning restore EXTEXP0001
        o.Retry.UseJitter = true;
        o.Retry.Delay = TimeSpan.FromMilliseconds(Math.Min(500, read.TotalMilliseconds / 10));
        o.AttemptTimeout.Timeout = read;
        o.TotalRequestTimeout.Timeout = read * 4 + o.Retry.Delay * 8;
        o.CircuitBreaker.SamplingDuration = read * 2;   // must be >= 2 x attempt timeout
    }
}
