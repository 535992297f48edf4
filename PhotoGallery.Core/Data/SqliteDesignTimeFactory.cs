using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace PhotoGallery.Core.Data;

/// <summary>Used only by <c>dotnet ef</c>: adding a migration contacts no database.</summary>
public sealed class SqliteDesignTimeFactory : IDesignTimeDbContextFactory<SqliteGalleryDbContext>
{
    public SqliteGalleryDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<SqliteGalleryDbContext>().UseSqlite("Data Source=design.db").Options);
}
