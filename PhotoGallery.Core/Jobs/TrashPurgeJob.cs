using Microsoft.Extensions.Logging;
using PhotoGallery.Core.Photos;
using Quartz;

namespace PhotoGallery.Core.Jobs;

/// <summary>Deletes photos that have been in Trash longer than the retention period (files, thumbnails, rows).</summary>
[DisallowConcurrentExecution]
public sealed class TrashPurgeJob(PhotoTrash trash, ILogger<TrashPurgeJob> logger) : IJob
{
    public static readonly JobKey Key = new(nameof(TrashPurgeJob), "photos");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var purged = await trash.PurgeExpiredAsync(cancellationToken);
        if (purged > 0)
            logger.LogInformation("Trash purge removed {PhotoCount} expired photos", purged);
    }
}
