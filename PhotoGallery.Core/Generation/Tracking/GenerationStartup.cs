using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace PhotoGallery.Core.Generation.Tracking;

/// <summary>
/// At start-up (after the migrations and the storage check, before requests): clear what an interrupted retrieval left
/// on disk, then follow every step still in flight. The resume job repeats the second part every half minute.
/// </summary>
/// <remarks>
/// The services are resolved in <see cref="StartAsync"/>, not injected: hosted services are built before the options are
/// validated, and the InvokeAI client reads its options when it is built — a bad setting must reach the one-line
/// start-up report with all the others.
/// </remarks>
public sealed class GenerationStartup(IServiceProvider services) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await services.GetRequiredService<GeneratedFileSweep>().SweepAsync(cancellationToken);
        await services.GetRequiredService<GenerationMonitor>().ResumeAsync(cancellationToken);
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
