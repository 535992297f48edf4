using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace PhotoGallery.Core.Jobs;

public static class JobsServiceCollectionExtensions
{
    /// <summary>The Quartz scheduler (in-memory: durable state lives in our tables) and every recurring job.</summary>
    public static IServiceCollection AddGalleryJobs(this IServiceCollection services)
    {
        services.AddQuartz(q =>
        {
            q.AddJob<TrashPurgeJob>(j => j.WithIdentity(TrashPurgeJob.Key));
            q.AddTrigger(t => t.ForJob(TrashPurgeJob.Key)
                .StartAt(DateTimeOffset.UtcNow.AddMinutes(1))
                .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever()));
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
