using Microsoft.Extensions.Hosting;

namespace PhotoGallery.Core.Generation.Tracking;

/// <summary>
/// At start-up (after the migrations and the storage check, before requests): clear what an interrupted retrieval left
/// on disk, then follow every step still in flight. The resume job repeats the second part every half minute.
/// </summary>
public sealed class GenerationStartup(GeneratedFileSweep sweep, GenerationMonitor monitor) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await sweep.SweepAsync(cancellationToken);
        await monitor.ResumeAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
