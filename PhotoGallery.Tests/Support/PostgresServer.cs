using Npgsql;
using PhotoGallery.Core.Data;
using Testcontainers.PostgreSql;

namespace PhotoGallery.Tests.Support;

/// <summary>
/// One real PostgreSQL server for the whole test run, from the first of: PHOTOGALLERY_TEST_POSTGRES (an Npgsql
/// connection string or a postgresql:// URL), a throwaway cluster started with tools/pg-throwaway.sh (PostgreSQL's
/// server binaries installed, no Docker needed), or Testcontainers where a Docker engine runs. If none works the
/// PostgreSQL tests fail, saying how to provide one; they are never skipped.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    public const string EnvironmentVariable = "PHOTOGALLERY_TEST_POSTGRES";

    private string? _clusterDir;
    private PostgreSqlContainer? _container;
    private string? _failure;
    private string _connectionString = "";

    public string ConnectionString => _failure is null ? _connectionString : throw new InvalidOperationException(_failure);

    public async Task InitializeAsync()
    {
        var fromEnv = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnv))
        {
            _connectionString = fromEnv.Contains("://", StringComparison.Ordinal) ? PostgresUrl.ToConnectionString(fromEnv) : fromEnv;
            return;
        }

        var problems = new List<string>();
        var script = RepoPaths.PgThrowawayScript;
        if (File.Exists(script))
        {
            _clusterDir = Path.Combine(Path.GetTempPath(), "pg-tests-" + Guid.NewGuid().ToString("N")[..8]);
            var (code, stdout, stderr) = await ProcessRunner.RunAsync("bash", [script, "start", _clusterDir]);
            if (code == 0)
            {
                _connectionString = stdout.Trim().Split('\n')[^1];
                return;
            }
            problems.Add($"tools/pg-throwaway.sh failed: {stderr.Trim()}");
            _clusterDir = null;
        }

        if (!string.IsNullOrEmpty(Environment.GetEnvironmentVariable("DOCKER_HOST")) || File.Exists("/var/run/docker.sock"))
        {
            try
            {
                _container = new PostgreSqlBuilder("postgres:15-alpine").Build();
                await _container.StartAsync();
                _connectionString = _container.GetConnectionString();
                return;
            }
            catch (Exception ex) when (ex is DotNet.Testcontainers.Builders.DockerUnavailableException or InvalidOperationException)
            {
                problems.Add("Testcontainers: " + ex.Message);
            }
        }

        _failure = "No PostgreSQL for the tests. Either set " + EnvironmentVariable + " to a connection string or postgresql:// URL, " +
                   "or install the server (apt-get install -y postgresql) so tools/pg-throwaway.sh can start a throwaway cluster, " +
                   "or run a Docker engine for Testcontainers. " + string.Join(" ", problems);
    }

    public async Task DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        if (_clusterDir is not null)
            await ProcessRunner.RunAsync("bash", [RepoPaths.PgThrowawayScript, "stop", _clusterDir]);
        if (_container is not null)
            await _container.DisposeAsync();
    }

    /// <summary>A connection string for a fresh, uniquely named database (created by EF's Migrate).</summary>
    public string NewDatabase(string prefix) =>
        new NpgsqlConnectionStringBuilder(ConnectionString) { Database = $"{prefix}_{Guid.NewGuid():N}" }.ConnectionString;
}
