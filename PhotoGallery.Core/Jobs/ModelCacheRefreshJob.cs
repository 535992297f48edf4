using Microsoft.Extensions.Logging;
using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Models;
using Quartz;

namespace PhotoGallery.Core.Jobs;

[DisallowConcurrentExecution]
public sealed class ModelCacheRefreshJob(AiModelService models, ILogger<ModelCacheRefreshJob> logger) : IJob
{
    public static readonly JobKey Key = new(nameof(ModelCacheRefreshJob), "models");
    public static readonly TimeSpan Interval = TimeSpan.FromMinutes(15);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        try
        {
            var count = await models.RefreshAsync(cancellationToken);
            logger.LogInformation("Model cache refreshed with {ModelCount} models", count);
        }
        catch (InvokeAiException ex)
        {
            // InvokeAI being off is normal; the error is kept for the Models page and the next run tries again.
            logger.LogWarning("Model cache refresh failed: {Reason}", ex.Message);
        }
    }
}
