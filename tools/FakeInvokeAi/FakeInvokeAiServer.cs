using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace FakeInvokeAi;

/// <summary>
/// The fake as a host: <see cref="StartAsync"/> binds Kestrel (127.0.0.1:0 by default in tests) and returns once it
/// listens, so tests talk to it over a real loopback socket.
/// </summary>
public sealed class FakeInvokeAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;
    private int _disposed;

    private FakeInvokeAiServer(WebApplication app, Uri baseUri)
    {
        _app = app;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public FakeState State => _app.Services.GetRequiredService<FakeState>();

    public SocketHub Sockets => _app.Services.GetRequiredService<SocketHub>();

    public static async Task<FakeInvokeAiServer> StartAsync(FakeInvokeAiOptions options, CancellationToken cancellationToken)
    {
        var app = Build([], options);
        await app.StartAsync(cancellationToken);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return new FakeInvokeAiServer(app, new Uri(address.TrimEnd('/') + "/"));
    }

    public static WebApplication Build(string[] args, FakeInvokeAiOptions options)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions
        {
            Args = args,
            ApplicationName = typeof(FakeInvokeAiServer).Assembly.GetName().Name,
        });
        builder.WebHost.UseUrls(options.Urls);
        builder.Logging.SetMinimumLevel(LogLevel.Warning);
        builder.Logging.AddFilter("Microsoft.Hosting.Lifetime", LogLevel.Information);
        builder.Services.AddSingleton(options);
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<FakeState>();
        builder.Services.AddSingleton<SocketHub>();
        builder.Services.AddSingleton<QueueProcessor>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<QueueProcessor>());
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.PropertyNamingPolicy = System.Text.Json.JsonNamingPolicy.CamelCase);

        var app = builder.Build();
        app.UseWebSockets();
        app.Use(FakeMiddleware.FaultsAsync);
        app.Use(FakeMiddleware.AuthAsync);
        app.Map("/ws/socket.io", (HttpContext context, SocketHub hub) => hub.HandleAsync(context));
        app.MapFakeApi();
        app.MapFakeQueue();
        app.MapFakeControl();
        return app;
    }

    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
            return;
        Sockets.DropAll();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
