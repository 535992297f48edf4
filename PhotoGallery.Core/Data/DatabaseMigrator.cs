using System.Data.Common;
using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Npgsql;
using PhotoGallery.Core.Common;

namespace PhotoGallery.Core.Data;

/// <summary>Applies the provider's migrations at start-up, before the app serves anything.</summary>
public sealed class DatabaseMigrator(
    IDbContextFactory<GalleryDbContext> dbFactory,
    DatabaseTarget target,
    ILogger<DatabaseMigrator> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            if (target.Provider == DatabaseProvider.Sqlite)
            {
                // WAL lets the gallery read while an upload writes.
                await db.Database.OpenConnectionAsync(cancellationToken);
                await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
            }
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
            if (pending.Count > 0)
            {
                await db.Database.MigrateAsync(cancellationToken);
                logger.LogInformation("Applied {MigrationCount} migrations to {Database}", pending.Count, target.Describe());
            }
            else
            {
                logger.LogInformation("Database {Database} is up to date", target.Describe());
            }
        }
        catch (Exception ex) when (ex is NpgsqlException or SqliteException or SocketException or DbException or TimeoutException
                                       || ex.InnerException is NpgsqlException or SocketException or TimeoutException)
        {
            throw new StartupException(
                $"Cannot use the database ({target.Describe()}): {Innermost(ex).Message} " +
                (target.Provider == DatabaseProvider.Postgres
                    ? "Check that PostgreSQL is running and reachable there, and the user name, password and database in DATABASE_URL or ConnectionStrings:Gallery."
                    : "Check that the data root (Storage:Root) is writable and the file is not corrupt."), ex);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private static Exception Innermost(Exception ex)
    {
        while (ex.InnerException is not null)
            ex = ex.InnerException;
        return ex;
    }
}
