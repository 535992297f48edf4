using System.Net;
using System.Text.Json;
using Npgsql;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Integration.Startup;

/// <summary>The real app as a process: what a new user sees when starting it right and wrong.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly string _dataRoot = RepoPaths.NewTempDirectory("pg-start");

    public void Dispose() => Directory.Delete(_dataRoot, recursive: true);

    [Fact]
    public async Task Start_DefaultSqlite_HealthzAnswers200AndCleansStaleTempFiles()
    {
        var leftover = Path.Combine(_dataRoot, "photos", "uploaded", "2026-01-01", ".x.jpg.1234.pgtmp");
        Directory.CreateDirectory(Path.GetDirectoryName(leftover)!);
        File.WriteAllText(leftover, "half-written");

        await using var app = await GalleryAppProcess.StartAsync(_dataRoot);
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        using var response = await http.GetAsync("/healthz");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        Assert.Equal("healthy", body.RootElement.GetProperty("status").GetString());
        Assert.Equal("Sqlite", body.RootElement.GetProperty("database").GetProperty("detail").GetString());
        Assert.True(File.Exists(Path.Combine(_dataRoot, "gallery.db")));
        Assert.False(File.Exists(leftover));
        Assert.NotEmpty(Directory.GetFiles(Path.Combine(_dataRoot, "logs")));
        Assert.StartsWith("http://127.0.0.1:", app.BaseUrl);
    }

    [Fact]
    public async Task Healthz_DataRootBecomesUnwritable_Answers503()
    {
        await using var app = await GalleryAppProcess.StartAsync(_dataRoot);
        using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
        // The root itself turns into a file: nothing can be written below it any more.
        var moved = _dataRoot + "-moved";
        Directory.Move(_dataRoot, moved);
        File.WriteAllText(_dataRoot, "");

        try
        {
            using var response = await http.GetAsync("/healthz");

            Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("unhealthy", body.RootElement.GetProperty("status").GetString());
            Assert.False(body.RootElement.GetProperty("storage").GetProperty("healthy").GetBoolean());
        }
        finally
        {
            File.Delete(_dataRoot);
            Directory.Move(moved, _dataRoot);
        }
    }

    [Fact]
    public async Task Start_InvalidUrlsAndNumbers_ExitWithOneLineNamingEachKey()
    {
        var env = new Dictionary<string, string?>
        {
            ["MAX_UPLOAD_SIZE"] = "-5",
            ["INVOKEAI_LOCAL_URL"] = "not a url",
            ["MAX_BATCH_SIZE"] = "0",
        };

        var (exitCode, stdout, stderr) = await GalleryAppProcess.RunToExitAsync(_dataRoot, env);

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("PhotoGallery cannot start:", line);
        Assert.Contains("MAX_UPLOAD_SIZE", line);
        Assert.Contains("INVOKEAI_LOCAL_URL", line);
        Assert.Single(System.Text.RegularExpressions.Regex.Matches(line, @"\(INVOKEAI_LOCAL_URL\) must be"));   // each problem once
        Assert.Contains("MAX_BATCH_SIZE", line);
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    [Fact]
    public async Task Start_UnparsableNumber_ExitNamingTheKey()
    {
        var (exitCode, _, stderr) = await GalleryAppProcess.RunToExitAsync(_dataRoot, new Dictionary<string, string?> { ["RETRIEVAL_MAX_ATTEMPTS"] = "many" });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Generation:RetrievalMaxAttempts", stderr);
    }

    [Fact]
    public async Task Start_UnparsableDatabaseUrl_ExitsNamingDatabaseUrl()
    {
        var (exitCode, _, stderr) = await GalleryAppProcess.RunToExitAsync(_dataRoot, new Dictionary<string, string?> { ["DATABASE_URL"] = "postgres-at-home" });

        Assert.NotEqual(0, exitCode);
        Assert.Contains("DATABASE_URL is not a postgresql:// URL", stderr);
    }

    [Fact]
    public async Task Start_DataRootUnderAFile_ExitsNamingStorageRoot()
    {
        var file = Path.Combine(_dataRoot, "file");
        File.WriteAllText(file, "");

        var (exitCode, stdout, stderr) = await GalleryAppProcess.RunToExitAsync(Path.Combine(file, "data"));

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Storage:Root", stderr);
        Assert.DoesNotContain("   at ", stdout + stderr);
    }

    [Fact]
    public async Task Start_DatabaseUrlToClosedPort_ExitsWithOneClearLineWithoutPassword()
    {
        var port = FreePort();
        var env = new Dictionary<string, string?> { ["DATABASE_URL"] = $"postgresql://gallery:Sup3r%40Secret@127.0.0.1:{port}/photos" };

        var (exitCode, stdout, stderr) = await GalleryAppProcess.RunToExitAsync(_dataRoot, env);

        Assert.NotEqual(0, exitCode);
        var line = Assert.Single(stderr.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains($"PostgreSQL at 127.0.0.1:{port}, database 'photos', user 'gallery'", line);
        Assert.Contains("Check that PostgreSQL is running", line);
        Assert.DoesNotContain("Sup3r", stdout + stderr);
        Assert.DoesNotContain("   at ", stdout + stderr);
        Assert.DoesNotContain("Sup3r", string.Concat(Directory.GetFiles(Path.Combine(_dataRoot, "logs")).Select(File.ReadAllText)));
    }

    private static int FreePort()
    {
        using var listener = new System.Net.Sockets.TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresStartupTests(PostgresServer postgres) : IDisposable
{
    private readonly string _dataRoot = RepoPaths.NewTempDirectory("pg-start");

    public void Dispose() => Directory.Delete(_dataRoot, recursive: true);

    [Fact]
    public async Task Start_DatabaseUrlToRealPostgres_CreatesSchemaAndAnswers200()
    {
        var cs = new NpgsqlConnectionStringBuilder(postgres.NewDatabase("app"));
        var url = $"postgresql://{Uri.EscapeDataString(cs.Username!)}:{Uri.EscapeDataString("p@ss/word")}@{cs.Host}:{cs.Port}/{cs.Database}";

        await using (var app = await GalleryAppProcess.StartAsync(_dataRoot, new Dictionary<string, string?> { ["DATABASE_URL"] = url }))
        {
            using var http = new HttpClient { BaseAddress = new Uri(app.BaseUrl) };
            using var response = await http.GetAsync("/healthz");

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("\"Postgres\"", await response.Content.ReadAsStringAsync());
        }

        await using var connection = new NpgsqlConnection(cs.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM information_schema.tables WHERE table_name IN ('Photos','Albums','GenerationSteps','AiModels')", connection);
        Assert.Equal(4L, await command.ExecuteScalarAsync());
        Assert.False(File.Exists(Path.Combine(_dataRoot, "gallery.db")));
    }
}
