using Microsoft.Extensions.Logging;
using PhotoGallery.Core.Generation.Tracking;
using Quartz;

namespace PhotoGallery.Core.Jobs;

/// <summary>Queues every generated image whose retry is due (backoff after a failed download) or that a crash left pending.</summary>
[DisallowConcurrentExecution]
public sealed class RetrievalRetryJob(ImageRetriever retriever, ILogger<RetrievalRetryJob> logger) : IJob
{
    public static readonly JobKey Key = new(nameof(RetrievalRetryJob), "generation");
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var due = await retriever.RetryDueAsync(cancellationToken);
        if (due > 0)
            logger.LogDebug("Queued {ImageCount} generated images for another retrieval attempt", due);
    }
}
