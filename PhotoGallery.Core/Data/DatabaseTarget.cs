using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Configuration;
using Npgsql;
using PhotoGallery.Core.Common;

namespace PhotoGallery.Core.Data;

/// <summary>
/// Which database the app uses: PostgreSQL when <c>ConnectionStrings:Gallery</c> or <c>DATABASE_URL</c>
/// is set, else the embedded SQLite file <c>gallery.db</c> under the data root.
/// </summary>
public sealed record DatabaseTarget(DatabaseProvider Provider, string ConnectionString)
{
    public const string ConnectionStringKey = "ConnectionStrings:Gallery";
    public const string DatabaseUrlKey = "DATABASE_URL";

    /// <summary>Where the database is, without the password: safe for logs and error messages.</summary>
    public string Describe()
    {
        if (Provider == DatabaseProvider.Sqlite)
            return $"SQLite file {new SqliteConnectionStringBuilder(ConnectionString).DataSource}";
        var b = new NpgsqlConnectionStringBuilder(ConnectionString);
        return $"PostgreSQL at {b.Host}:{b.Port}, database '{b.Database}', user '{b.Username}'";
    }

    public static DatabaseTarget Resolve(IConfiguration configuration, string dataRoot)
    {
        var connectionString = configuration[ConnectionStringKey];
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            try
            {
                _ = new NpgsqlConnectionStringBuilder(connectionString);
            }
            catch (ArgumentException ex)
            {
                throw new StartupException($"{ConnectionStringKey} is not a valid PostgreSQL connection string: {ex.Message}");
            }
            return new DatabaseTarget(DatabaseProvider.Postgres, connectionString);
        }

        var url = configuration[DatabaseUrlKey];
        if (!string.IsNullOrWhiteSpace(url))
            return new DatabaseTarget(DatabaseProvider.Postgres, PostgresUrl.ToConnectionString(url));

        var file = Path.Combine(dataRoot, "gallery.db");
        return new DatabaseTarget(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString());
    }
}
