using System.Net;
using Microsoft.Data.Sqlite;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Integration.Security;

/// <summary>The app configured to listen on every interface: owner routes need the owner's login, over real HTTP.</summary>
public sealed class OwnerProtectionTests(OwnerProtectionTests.ExposedApp app) : IClassFixture<OwnerProtectionTests.ExposedApp>
{
    public static readonly TheoryData<string> OwnerPages = new()
    {
        "/", "/?filter=generated", "/albums", "/albums/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b", "/generate", "/sessions",
        "/models", "/backend", "/sharing", "/trash", "/settings", "/not-found",
    };

    [Theory]
    [MemberData(nameof(OwnerPages))]
    public async Task OwnerPage_Anonymous_RedirectsToSignIn(string path)
    {
        using var response = await app.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Matches("^/(login|setup)", response.Headers.Location!.OriginalString.Replace(app.BaseUrl, "/", StringComparison.Ordinal).Replace("//", "/", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("/media/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/thumbnail")]
    [InlineData("/media/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/original")]
    [InlineData("/media/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/trashed-thumbnail")]
    [InlineData("/media/download/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b")]
    public async Task Media_Anonymous_Answers401(string path)
    {
        using var response = await app.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task BlazorHub_Anonymous_Answers401()
    {
        using var response = await app.Http.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("/healthz")]
    [InlineData("/login")]
    [InlineData("/setup")]
    [InlineData("/app.css")]
    public async Task PublicRoute_Anonymous_IsServed(string path)
    {
        using var response = await app.Http.GetAsync(path);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.Redirect, $"{path}: {response.StatusCode}");
    }

    [Theory]
    [InlineData("/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("/s/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA/media/0193a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b/thumbnail")]
    public async Task ShareRoute_Anonymous_StaysPublicAndAnswersTheShare404(string path)
    {
        using var response = await app.Http.GetAsync(path);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("This link is not available", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task LoginPost_ElevenAttemptsInAMinute_TheEleventhIsRefusedWith429()
    {
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 11; i++)
        {
            using var content = new FormUrlEncodedContent([KeyValuePair.Create("Input.Password", "guess" + i), KeyValuePair.Create("_handler", "login")]);
            using var response = await app.Http.PostAsync("/login", content);
            statuses.Add(response.StatusCode);
        }

        Assert.All(statuses.Take(10), s => Assert.NotEqual(HttpStatusCode.TooManyRequests, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[10]);
    }

    [Fact]
    public void StartupOutput_PrintsTheSetupCodeButNotIntoTheLogFile()
    {
        var line = Assert.Single(app.Process.Output.Split('\n'), l => l.Contains("setup code", StringComparison.Ordinal));
        var code = line.Split("setup code ")[1][..8];

        var logs = string.Concat(Directory.GetFiles(Path.Combine(app.DataRoot, "logs")).Select(f => ReadShared(f)));
        Assert.DoesNotContain(code, logs);
    }

    private static string ReadShared(string path)
    {
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite);
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The app listening on 0.0.0.0 (reached over 127.0.0.1), with no owner password yet.</summary>
    public sealed class ExposedApp : IAsyncLifetime
    {
        private GalleryAppProcess? _process;

        public string DataRoot { get; } = RepoPaths.NewTempDirectory("pg-owner");

        public GalleryAppProcess Process => _process!;

        public string BaseUrl { get; private set; } = "";

        public HttpClient Http { get; private set; } = null!;

        public async Task InitializeAsync()
        {
            _process = await GalleryAppProcess.StartAsync(DataRoot, null, "--urls", "http://0.0.0.0:0");
            BaseUrl = _process.BaseUrl.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
            Http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = new Uri(BaseUrl) };
        }

        public async Task DisposeAsync()
        {
            Http.Dispose();
            if (_process is not null)
                await _process.DisposeAsync();
            SqliteConnection.ClearAllPools();
            Directory.Delete(DataRoot, recursive: true);
        }
    }
}
