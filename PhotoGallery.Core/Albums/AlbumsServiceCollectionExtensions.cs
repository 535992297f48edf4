using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace PhotoGallery.Core.Albums;

public static class AlbumsServiceCollectionExtensions
{
    public static IServiceCollection AddAlbums(this IServiceCollection services)
    {
        services.TryAddSingleton<AlbumService>();
        return services;
    }
}
