using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PhotoGallery.Core.Imaging;

public static class ImagingServiceCollectionExtensions
{
    public static IServiceCollection AddImaging(this IServiceCollection services)
    {
        services.AddOptions<ImagingOptions>()
            .BindConfiguration(ImagingOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddSingleton<ImageProcessor>();
        return services;
    }
}
