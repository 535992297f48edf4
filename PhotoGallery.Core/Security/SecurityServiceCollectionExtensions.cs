using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PhotoGallery.Core.Security;

public static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddOwnerSecurity(this IServiceCollection services)
    {
        services.TryAddSingleton<OwnerAccountService>();
        return services;
    }
}
