using FakeInvokeAi;

namespace PhotoGallery.Tests.Support;

/// <summary>The fake InvokeAI in-process on a loopback port plus the real app as a process, with its own data root.</summary>
public sealed class FakeBackedApp : IAsyncDisposable
{
    private FakeBackedApp(FakeInvokeAiServer fake, GalleryAppProcess app, string dataRoot)
    {
        Fake = fake;
        App = app;
        DataRoot = dataRoot;
    }

    public FakeInvokeAiServer Fake { get; }

    public GalleryAppProcess App { get; }

    public string DataRoot { get; }

    /// <summary>The fake's base URL as the owner would type it (no trailing slash).</summary>
    public string FakeUrl => Fake.BaseUri.ToString().TrimEnd('/');

    /// <summary>Starts both; <paramref name="appInvokeAiUrl"/> is the app's configured InvokeAI URL (the fake's when null).</summary>
    public static async Task<FakeBackedApp> StartAsync(FakeInvokeAiOptions? fakeOptions = null, string? appInvokeAiUrl = null)
    {
        var options = fakeOptions ?? new FakeInvokeAiOptions();
        options.Urls = "http://127.0.0.1:0";
        options.ItemDurationMs = 200;
        var fake = await FakeInvokeAiServer.StartAsync(options, Timeouts.Long);
        var dataRoot = RepoPaths.NewTempDirectory("pg-app");
        try
        {
            var url = appInvokeAiUrl ?? fake.BaseUri.ToString().TrimEnd('/');
            var app = await GalleryAppProcess.StartAsync(dataRoot, null, "--InvokeAi:LocalUrl", url);
            return new FakeBackedApp(fake, app, dataRoot);
        }
        catch
        {
            await fake.DisposeAsync();
            Directory.Delete(dataRoot, recursive: true);
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        await Fake.DisposeAsync();
        Directory.Delete(DataRoot, recursive: true);
    }
}
