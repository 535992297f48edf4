using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Npgsql;
using PhotoGallery.Core.Data;

namespace PhotoGallery.Tests.Support;

/// <summary>A migrated, empty database on one provider, with a factory like the app's. Dispose removes it.</summary>
public abstract class TestDatabase : IDbContextFactory<GalleryDbContext>, IAsyncDisposable
{
    public abstract DatabaseProvider Provider { get; }

    public abstract GalleryDbContext CreateDbContext();

    public Task<GalleryDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) => Task.FromResult(CreateDbContext());

    public async Task MigrateAsync()
    {
        await using var db = CreateDbContext();
        await db.Database.MigrateAsync();
    }

    public abstract ValueTask DisposeAsync();

    public static async Task<TestDatabase> CreateSqliteAsync()
    {
        var db = new SqliteTestDatabase();
        await db.MigrateAsync();
        return db;
    }

    /// <summary>A migrated SQLite database in a given file (e.g. the gallery.db of an app's data root); the file is kept on dispose.</summary>
    public static async Task<TestDatabase> CreateSqliteAsync(string file)
    {
        var db = new SqliteTestDatabase(file);
        await db.MigrateAsync();
        return db;
    }

    public static async Task<TestDatabase> CreatePostgresAsync(PostgresServer server)
    {
        var db = new PostgresTestDatabase(server.NewDatabase("gallery"));
        await db.MigrateAsync();
        return db;
    }

    private sealed class SqliteTestDatabase(string? file = null) : TestDatabase
    {
        private readonly string _file = file ?? Path.Combine(Path.GetTempPath(), $"gallery-test-{Guid.NewGuid():N}.db");

        public override DatabaseProvider Provider => DatabaseProvider.Sqlite;

        public override GalleryDbContext CreateDbContext() =>
            new SqliteGalleryDbContext(new DbContextOptionsBuilder<SqliteGalleryDbContext>().UseSqlite($"Data Source={_file}").Options);

        public override ValueTask DisposeAsync()
        {
            SqliteConnection.ClearAllPools();
            if (file is not null)
                return ValueTask.CompletedTask;
            foreach (var f in new[] { _file, _file + "-wal", _file + "-shm" })
                File.Delete(f);
            return ValueTask.CompletedTask;
        }
    }

    private sealed class PostgresTestDatabase(string connectionString) : TestDatabase
    {
        public override DatabaseProvider Provider => DatabaseProvider.Postgres;

        public override GalleryDbContext CreateDbContext() =>
            new PostgresGalleryDbContext(new DbContextOptionsBuilder<PostgresGalleryDbContext>().UseNpgsql(connectionString).Options);

        public override async ValueTask DisposeAsync()
        {
            await using (var db = CreateDbContext())
                await db.Database.EnsureDeletedAsync();
            NpgsqlConnection.ClearAllPools();
        }
    }
}
