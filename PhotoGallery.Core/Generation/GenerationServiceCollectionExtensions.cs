using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using PhotoGallery.Core.Generation.Sessions;
using PhotoGallery.Core.Generation.Steps;
using PhotoGallery.Core.Generation.Tracking;

namespace PhotoGallery.Core.Generation;

public static class GenerationServiceCollectionExtensions
{
    /// <summary>Sessions, steps, the monitor that follows them and the retriever that stores their images (all singletons).</summary>
    public static IServiceCollection AddGeneration(this IServiceCollection services)
    {
        services.AddOptions<GenerationOptions>()
            .BindConfiguration(GenerationOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<GenerationNotifier>();
        services.TryAddSingleton<StepStore>();
        services.TryAddSingleton<SourceImages>();
        services.TryAddSingleton<ImageRetriever>();
        services.TryAddSingleton<GenerationMonitor>();
        services.TryAddSingleton<StepSubmitter>();
        services.TryAddSingleton<GeneratedFileSweep>();
        services.TryAddSingleton<SessionService>();
        services.TryAddSingleton<SessionQueries>();
        services.AddHostedService<GenerationStartup>();
        return services;
    }
}
