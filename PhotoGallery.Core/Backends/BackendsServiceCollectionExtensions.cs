using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PhotoGallery.Core.Backends;

public static class BackendsServiceCollectionExtensions
{
    public static IServiceCollection AddBackends(this IServiceCollection services)
    {
        services.AddOptions<InvokeAiOptions>()
            .BindConfiguration(InvokeAiOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<InvokeAiOptions>, InvokeAiOptionsValidator>());
        services.AddOptions<RunPodOptions>()
            .BindConfiguration(RunPodOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();
        return services;
    }
}
