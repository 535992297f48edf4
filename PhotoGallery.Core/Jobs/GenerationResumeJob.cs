using Microsoft.Extensions.Logging;
using PhotoGallery.Core.Generation.Steps;
using PhotoGallery.Core.Generation.Tracking;
using Quartz;

namespace PhotoGallery.Core.Jobs;

/// <summary>Follows every step still queued or processing (after a restart too) and settles steps a crash left unsent.</summary>
[DisallowConcurrentExecution]
public sealed class GenerationResumeJob(StepSubmitter submitter, GenerationMonitor monitor, ILogger<GenerationResumeJob> logger) : IJob
{
    public static readonly JobKey Key = new(nameof(GenerationResumeJob), "generation");
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        var recovered = await submitter.RecoverInterruptedAsync(cancellationToken);
        var resumed = await monitor.ResumeAsync(cancellationToken);
        if (recovered + resumed > 0)
            logger.LogInformation("Generation resume: {RecoveredCount} interrupted steps settled, {ResumedCount} steps followed again", recovered, resumed);
    }
}
