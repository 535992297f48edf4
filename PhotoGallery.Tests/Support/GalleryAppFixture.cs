namespace PhotoGallery.Tests.Support;

/// <summary>One running app (SQLite, temporary data root) shared by a test class.</summary>
public sealed class GalleryAppFixture : IAsyncLifetime
{
    private GalleryAppProcess? _app;

    public string DataRoot { get; } = RepoPaths.NewTempDirectory("pg-app");

    public GalleryAppProcess App => _app ?? throw new InvalidOperationException("not started");

    public string BaseUrl => App.BaseUrl;

    public async Task InitializeAsync() => _app = await GalleryAppProcess.StartAsync(DataRoot);

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        Directory.Delete(DataRoot, recursive: true);
    }
}
