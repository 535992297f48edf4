using PhotoGallery.Core.Data;

namespace PhotoGallery.Tests.Support;

/// <summary>
/// Base of every persistence test class: written once, run on both providers by two sealed subclasses
/// (one plain, one in <see cref="PostgresCollection"/> that passes the shared server).
/// </summary>
public abstract class DatabaseTestBase(PostgresServer? postgres) : IAsyncLifetime
{
    private TestDatabase? _database;

    protected TestDatabase Database => _database ?? throw new InvalidOperationException("not initialised");

    protected DatabaseProvider Provider => Database.Provider;

    public async Task InitializeAsync() =>
        _database = postgres is null ? await TestDatabase.CreateSqliteAsync() : await TestDatabase.CreatePostgresAsync(postgres);

    public async Task DisposeAsync()
    {
        if (_database is not null)
            await _database.DisposeAsync();
    }
}
