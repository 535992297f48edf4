using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Npgsql;
using PhotoGallery.Core.Data;

namespace PhotoGallery.Benchmarks.Query;

/// <summary>
/// One provider's database for the query benchmark, migrated by the app's own migrator: a pooled context factory
/// for timing, a second one that captures the SQL it sends, plain connections for the raw floor, and the EXPLAIN form.
/// </summary>
public sealed class QueryDatabase
{
    private readonly Func<DbConnection> _newConnection;

    private QueryDatabase(DatabaseTarget target, IDbContextFactory<GalleryDbContext> contexts, IDbContextFactory<GalleryDbContext> capturing,
        CommandCapture capture, Func<DbConnection> newConnection, string explainPrefix)
    {
        Target = target;
        Contexts = contexts;
        CapturingContexts = capturing;
        Capture = capture;
        _newConnection = newConnection;
        ExplainPrefix = explainPrefix;
    }

    public DatabaseTarget Target { get; }

    public string Name => Target.Provider == DatabaseProvider.Sqlite ? "SQLite" : "PostgreSQL";

    public IDbContextFactory<GalleryDbContext> Contexts { get; }

    public IDbContextFactory<GalleryDbContext> CapturingContexts { get; }

    public CommandCapture Capture { get; }

    public string ExplainPrefix { get; }

    public static async Task<QueryDatabase> CreateSqliteAsync(string file, CancellationToken cancellationToken)
    {
        // The app's connection string for its gallery.db (DatabaseTarget.Resolve).
        var connectionString = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();
        var capture = new CommandCapture();
        var database = new QueryDatabase(
            new DatabaseTarget(DatabaseProvider.Sqlite, connectionString),
            new PooledGalleryContextFactory<SqliteGalleryDbContext>(new DbContextOptionsBuilder<SqliteGalleryDbContext>().UseSqlite(connectionString).Options),
            new PooledGalleryContextFactory<SqliteGalleryDbContext>(new DbContextOptionsBuilder<SqliteGalleryDbContext>().UseSqlite(connectionString).AddInterceptors(capture).Options),
            capture,
            () => new SqliteConnection(connectionString),
            "EXPLAIN QUERY PLAN ");
        await database.MigrateAsync(cancellationToken);
        return database;
    }

    public static async Task<QueryDatabase> CreatePostgresAsync(string connectionString, CancellationToken cancellationToken)
    {
        var capture = new CommandCapture();
        var database = new QueryDatabase(
            new DatabaseTarget(DatabaseProvider.Postgres, connectionString),
            new PooledGalleryContextFactory<PostgresGalleryDbContext>(new DbContextOptionsBuilder<PostgresGalleryDbContext>().UseNpgsql(connectionString).Options),
            new PooledGalleryContextFactory<PostgresGalleryDbContext>(new DbContextOptionsBuilder<PostgresGalleryDbContext>().UseNpgsql(connectionString).AddInterceptors(capture).Options),
            capture,
            () => new NpgsqlConnection(connectionString),
            "EXPLAIN (ANALYZE, COSTS OFF, BUFFERS OFF) ");
        await database.MigrateAsync(cancellationToken);
        return database;
    }

    public async Task<DbConnection> OpenConnectionAsync(CancellationToken cancellationToken)
    {
        var connection = _newConnection();
        await connection.OpenAsync(cancellationToken);
        return connection;
    }

    public async Task<string> ServerVersionAsync(CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        return connection.ServerVersion;
    }

    /// <summary>The plan the database chooses for <paramref name="command"/>, one line per plan node.</summary>
    public async Task<IReadOnlyList<string>> ExplainAsync(CapturedCommand command, CancellationToken cancellationToken)
    {
        await using var connection = await OpenConnectionAsync(cancellationToken);
        await using var explain = command.CreateOn(connection, ExplainPrefix);
        await using var reader = await explain.ExecuteReaderAsync(cancellationToken);
        var lines = new List<string>();
        while (await reader.ReadAsync(cancellationToken))
        {
            // SQLite: (id, parent, notused, detail); PostgreSQL: one text column.
            lines.Add(reader.FieldCount >= 4 ? reader.GetString(3) : reader.GetString(0));
        }

        return lines;
    }

    private async Task MigrateAsync(CancellationToken cancellationToken) =>
        await new DatabaseMigrator(Contexts, Target, NullLogger<DatabaseMigrator>.Instance).StartAsync(cancellationToken);
}
