using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace PhotoGallery.Core.Storage;

/// <summary>At start-up: create the layout, prove the root writable, remove temp files left by a crash.</summary>
public sealed class StorageInitializer(IPhotoStore store, IOptions<StorageOptions> options, ILogger<StorageInitializer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        store.EnsureWritable();
        var removed = store.RemoveStaleTempFiles(TimeSpan.FromMinutes(options.Value.StaleTempFileMinutes));
        if (removed > 0)
            logger.LogWarning("Removed {TempFileCount} temp files left by an interrupted write", removed);
        logger.LogInformation("Data root is {DataRoot}", store.Root);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
