using Microsoft.EntityFrameworkCore;

namespace PhotoGallery.Core.Data;

/// <summary>Exposes the chosen provider's factory as <c>IDbContextFactory&lt;GalleryDbContext&gt;</c>.</summary>
internal sealed class GalleryDbContextFactory<TContext>(IDbContextFactory<TContext> inner) : IDbContextFactory<GalleryDbContext>
    where TContext : GalleryDbContext
{
    public GalleryDbContext CreateDbContext() => inner.CreateDbContext();

    public async Task<GalleryDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await inner.CreateDbContextAsync(cancellationToken);
}
