using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PhotoGallery.Core.Data;

/// <summary>Used only by <c>dotnet ef</c>: adding a migration contacts no database.</summary>
public sealed class PostgresDesignTimeFactory : IDesignTimeDbContextFactory<PostgresGalleryDbContext>
{
    public PostgresGalleryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgresGalleryDbContext>().UseNpgsql("Host=127.0.0.1;Database=design").Options);
}
