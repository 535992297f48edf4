using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Storage;

namespace PhotoGallery.Core.Common;

/// <summary>What <c>/healthz</c> reports: the database answers, and the data root takes a write.</summary>
public sealed class HealthService(
    IDbContextFactory<GalleryDbContext> dbFactory,
    DatabaseTarget target,
    IPhotoStore store,
    ILogger<HealthService> logger)
{
    public async Task<HealthReport> CheckAsync(CancellationToken cancellationToken)
    {
        var database = await CheckDatabaseAsync(cancellationToken);
        var storage = await CheckStorageAsync(cancellationToken);
        return new HealthReport(database.Healthy && storage.Healthy, database, storage);
    }

    private async Task<HealthCheck> CheckDatabaseAsync(CancellationToken cancellationToken)
    {
        try
        {
            await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
            return await db.Database.CanConnectAsync(cancellationToken)
                ? new HealthCheck(true, target.Provider.ToString())
                : new HealthCheck(false, $"{target.Provider}: cannot connect");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Health check: database unavailable");
            return new HealthCheck(false, $"{target.Provider}: {ex.Message}");
        }
    }

    private async Task<HealthCheck> CheckStorageAsync(CancellationToken cancellationToken)
    {
        try
        {
            var probe = $".healthz-{Guid.NewGuid():N}";
            await store.WriteAtomicallyAsync(probe, (s, ct) => s.WriteAsync("ok"u8.ToArray(), ct).AsTask(), cancellationToken);
            store.Delete(probe);
            return new HealthCheck(true, "writable");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Health check: data root not writable");
            return new HealthCheck(false, "data root not writable: " + ex.Message);
        }
    }
}
