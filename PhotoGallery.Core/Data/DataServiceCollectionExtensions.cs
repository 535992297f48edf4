using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace PhotoGallery.Core.Data;

public static class DataServiceCollectionExtensions
{
    /// <summary>Registers <c>IDbContextFactory&lt;GalleryDbContext&gt;</c> for the target's provider and the start-up migrator.</summary>
    public static IServiceCollection AddGalleryData(this IServiceCollection services, DatabaseTarget target)
    {
        services.AddSingleton(target);
        if (target.Provider == DatabaseProvider.Postgres)
        {
            services.AddPooledDbContextFactory<PostgresGalleryDbContext>(o => o.UseNpgsql(target.ConnectionString));
            services.AddSingleton<IDbContextFactory<GalleryDbContext>>(sp =>
                new GalleryDbContextFactory<PostgresGalleryDbContext>(sp.GetRequiredService<IDbContextFactory<PostgresGalleryDbContext>>()));
        }
        else
        {
            services.AddPooledDbContextFactory<SqliteGalleryDbContext>(o => o.UseSqlite(target.ConnectionString));
            services.AddSingleton<IDbContextFactory<GalleryDbContext>>(sp =>
                new GalleryDbContextFactory<SqliteGalleryDbContext>(sp.GetRequiredService<IDbContextFactory<SqliteGalleryDbContext>>()));
        }
        services.AddHostedService<DatabaseMigrator>();
        return services;
    }
}
