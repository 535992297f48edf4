using Microsoft.Extensions.DependencyInjection;

namespace PhotoGallery.Core.Generation;

public static class GenerationServiceCollectionExtensions
{
    public static IServiceCollection AddGeneration(this IServiceCollection services)
    {
        services.AddOptions<GenerationOptions>()
            .BindConfiguration(GenerationOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }
}
