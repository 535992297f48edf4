using Microsoft.Extensions.Configuration;
using PhotoGallery.Core.Data;

namespace PhotoGallery.Tests.Unit.Data;

public sealed class DatabaseTargetTests
{
    [Fact]
    public void Resolve_NothingConfigured_UsesSqliteFileUnderDataRoot()
    {
        var target = DatabaseTarget.Resolve(Config(), "/srv/gallery");

        Assert.Equal(DatabaseProvider.Sqlite, target.Provider);
        Assert.Contains("/srv/gallery/gallery.db", target.ConnectionString);
    }

    [Fact]
    public void Resolve_DatabaseUrl_UsesPostgresAndDescribesWithoutPassword()
    {
        var target = DatabaseTarget.Resolve(Config(("DATABASE_URL", "postgresql://me:Secret%21@pg:5433/gallery")), "/srv/gallery");

        Assert.Equal(DatabaseProvider.Postgres, target.Provider);
        Assert.Equal("PostgreSQL at pg:5433, database 'gallery', user 'me'", target.Describe());
        Assert.DoesNotContain("Secret", target.Describe());
    }

    [Fact]
    public void Resolve_ConnectionStringAndUrl_ConnectionStringWins()
    {
        var target = DatabaseTarget.Resolve(
            Config(("ConnectionStrings:Gallery", "Host=a;Database=one"), ("DATABASE_URL", "postgresql://u@b/two")), "/srv");

        Assert.Contains("Database=one", target.ConnectionString);
    }

    private static IConfiguration Config(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => KeyValuePair.Create(v.Key, (string?)v.Value))).Build();
}
