using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace PhotoGallery.Core.Sharing;

public static class SharingServiceCollectionExtensions
{
    public static IServiceCollection AddSharing(this IServiceCollection services)
    {
        services.AddOptions<SharingOptions>()
            .BindConfiguration(SharingOptions.SectionName)
            .ValidateOnStart();
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<SharingOptions>, SharingOptionsValidator>());
        services.TryAddSingleton<ShareAccessGrants>();
        services.TryAddSingleton<ShareService>();
        services.TryAddSingleton<PublicShares>();
        return services;
    }
}
