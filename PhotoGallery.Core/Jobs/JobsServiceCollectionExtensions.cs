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
            q.AddRecurring<TrashPurgeJob>(TrashPurgeJob.Key, TimeSpan.FromHours(1), firstRunAfter: TimeSpan.FromMinutes(1));
            // Start-up (migrations) finishes first; then the cache refreshes every 15 minutes.
            q.AddRecurring<ModelCacheRefreshJob>(ModelCacheRefreshJob.Key, ModelCacheRefreshJob.Interval, firstRunAfter: TimeSpan.FromSeconds(10));
            q.AddRecurring<GenerationResumeJob>(GenerationResumeJob.Key, GenerationResumeJob.Interval, firstRunAfter: TimeSpan.FromSeconds(15));
            q.AddRecurring<RetrievalRetryJob>(RetrievalRetryJob.Key, RetrievalRetryJob.Interval, firstRunAfter: TimeSpan.FromSeconds(5));
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        return services;
    }

    /// <summary>A job and its repeating trigger (Quartz 4 API).</summary>
    public static void AddRecurring<TJob>(this IQuartzBuilder q, JobKey key, TimeSpan interval, TimeSpan firstRunAfter)
        where TJob : IJob
    {
        q.AddJob<TJob>(j => j.WithIdentity(key));
        q.AddTrigger(t => t.ForJob(key)
            .WithIdentity(key.Name, key.Group)
            .StartAt(DateTimeOffset.UtcNow + firstRunAfter)
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever()));
    }
}
