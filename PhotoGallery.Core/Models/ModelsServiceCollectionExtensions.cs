using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PhotoGallery.Core.Models;

public static class ModelsServiceCollectionExtensions
{
    public static IServiceCollection AddModels(this IServiceCollection services)
    {
        services.TryAddSingleton<ModelRefreshState>();
        services.TryAddSingleton<AiModelService>();
        return services;
    }
}
