using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using PhotoGallery.Benchmarks.Common;

namespace PhotoGallery.Benchmarks.Http;

/// <summary>
/// The floor for Kestrel serving a file by id: <c>GET /t/{id}</c> → dictionary lookup → <c>Results.File</c>, no middleware,
/// no logging. Runs inside the benchmark process (workstation GC), on a free 127.0.0.1 port.
/// </summary>
public sealed class MinimalFileServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private MinimalFileServer(WebApplication app, string baseUrl)
    {
        _app = app;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<MinimalFileServer> StartAsync(IReadOnlyDictionary<Guid, string> files, CancellationToken cancellationToken)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        var baseUrl = $"http://127.0.0.1:{ExternalProcess.FreeLoopbackPort()}";
        builder.WebHost.UseUrls(baseUrl);
        var app = builder.Build();
        app.MapGet("/t/{id:guid}", (Guid id) => files.TryGetValue(id, out var path) ? Results.File(path, "image/webp") : Results.NotFound());
        await app.StartAsync(cancellationToken);
        return new MinimalFileServer(app, baseUrl);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync(CancellationToken.None);
        await _app.DisposeAsync();
    }
}
