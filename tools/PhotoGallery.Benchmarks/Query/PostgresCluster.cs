using Npgsql;
using PhotoGallery.Benchmarks.Common;

namespace PhotoGallery.Benchmarks.Query;

/// <summary>A throwaway PostgreSQL cluster on 127.0.0.1 through <c>tools/pg-throwaway.sh</c>; disposing stops it and removes its folder.</summary>
public sealed class PostgresCluster : IAsyncDisposable
{
    private static readonly string Script = Path.Combine(SolutionPaths.SolutionDir, "tools", "pg-throwaway.sh");
    private readonly string _folder;

    private PostgresCluster(string folder, string connectionString)
    {
        _folder = folder;
        ConnectionString = connectionString;
    }

    /// <summary>Npgsql connection string of the cluster's <c>postgres</c> database.</summary>
    public string ConnectionString { get; }

    /// <summary>The started cluster, or null and the reason when it cannot start here (e.g. no server binaries).</summary>
    public static async Task<(PostgresCluster? Cluster, string? Reason)> TryStartAsync(CancellationToken cancellationToken)
    {
        // Under /tmp: when run as root the server runs as the postgres user, who must be able to reach the folder.
        var folder = Path.Combine("/tmp", $"pgbench-{Guid.NewGuid():N}"[..16]);
        var (exitCode, stdout, stderr) = await ExternalProcess.RunAsync("bash", [Script, "start", folder], TimeSpan.FromMinutes(2), cancellationToken);
        var lines = stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (exitCode != 0 || lines.Length == 0)
        {
            await ExternalProcess.RunAsync("bash", [Script, "stop", folder], TimeSpan.FromMinutes(1), cancellationToken);
            return (null, stderr.Trim().Split('\n').LastOrDefault() ?? $"pg-throwaway.sh exited with {exitCode}");
        }

        return (new PostgresCluster(folder, lines[^1].Trim()), null);
    }

    public string Database(string name) => new NpgsqlConnectionStringBuilder(ConnectionString) { Database = name }.ConnectionString;

    public async ValueTask DisposeAsync()
    {
        NpgsqlConnection.ClearAllPools();
        await ExternalProcess.RunAsync("bash", [Script, "stop", _folder], TimeSpan.FromMinutes(1), CancellationToken.None);
    }
}
