using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using PhotoGallery.Core.Data;

namespace PhotoGallery.Benchmarks.Query;

/// <summary>A pooled factory of one provider's context handed out as <see cref="GalleryDbContext"/>, as the app registers it.</summary>
public sealed class PooledGalleryContextFactory<TContext>(DbContextOptions<TContext> options) : IDbContextFactory<GalleryDbContext>
    where TContext : GalleryDbContext
{
    private readonly PooledDbContextFactory<TContext> _inner = new(options);

    public GalleryDbContext CreateDbContext() => _inner.CreateDbContext();

    public async Task<GalleryDbContext> CreateDbContextAsync(CancellationToken cancellationToken = default) =>
        await _inner.CreateDbContextAsync(cancellationToken);
}
