using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PhotoGallery.Core.Photos;

public static class PhotosServiceCollectionExtensions
{
    public static IServiceCollection AddPhotos(this IServiceCollection services)
    {
        services.AddOptions<PhotoOptions>()
            .BindConfiguration(PhotoOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<PhotoOptions>, PhotoOptionsValidator>());
        services.TryAddSingleton<PhotoMediaCache>();
        services.TryAddSingleton<PhotoMedia>();
        services.TryAddSingleton<PhotoLibrary>();
        services.TryAddSingleton<PhotoTrash>();
        services.TryAddSingleton<PhotoIngest>();
        services.TryAddSingleton<PhotoImporter>();
        services.TryAddSingleton<PhotoLinks>();
        return services;
    }
}
