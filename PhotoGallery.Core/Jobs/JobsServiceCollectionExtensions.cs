using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace PhotoGallery.Core.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>Every scheduled job (thin shells over feature services) and the Quartz hosted service.</summary>
    public static IServiceCollection AddGalleryJobs(this IServiceCollection services)
    {
        services.AddQuartz(q =>
        {
            q.AddJob<ModelCacheRefreshJob>(j => j.WithIdentity(ModelCacheRefreshJob.Key));
            q.AddTrigger(t => t.ForJob(ModelCacheRefreshJob.Key)
                .WithIdentity(nameof(ModelCacheRefreshJob), "models")
                .StartAt(DateTimeOffset.UtcNow.AddSeconds(10))   // let start-up (migrations) finish first
                .WithSimpleSchedule(s => s.WithInterval(ModelCacheRefreshJob.Interval).RepeatForever()));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }
}
