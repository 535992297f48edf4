using Npgsql;
using PhotoGallery.Core.Common;
using PhotoGallery.Core.Data;

namespace PhotoGallery.Tests.Unit.Data;

public sealed class PostgresUrlTests
{
    [Fact]
    public void ToConnectionString_PercentEncodedPassword_IsDecoded()
    {
        var cs = new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString("postgresql://gallery:p%40ss%3Aw%2Frd@db.local:6543/photos"));

        Assert.Equal("db.local", cs.Host);
        Assert.Equal(6543, cs.Port);
        Assert.Equal("photos", cs.Database);
        Assert.Equal("gallery", cs.Username);
        Assert.Equal("p@ss:w/rd", cs.Password);
    }

    [Fact]
    public void ToConnectionString_NoPortAndQueryOptions_UsesDefaultPortAndOptions()
    {
        var cs = new NpgsqlConnectionStringBuilder(PostgresUrl.ToConnectionString("postgres://u@localhost/app?sslmode=disable&Timeout=5"));

        Assert.Equal(5432, cs.Port);
        Assert.Equal(SslMode.Disable, cs.SslMode);
        Assert.Equal(5, cs.Timeout);
        Assert.Null(cs.Password);
    }

    [Theory]
    [InlineData("not a url")]
    [InlineData("mysql://u:p@host/db")]
    [InlineData("postgresql://u:p@host:5432/")]
    [InlineData("postgresql://u:p@host/db?nonsense=1")]
    public void ToConnectionString_InvalidUrl_ThrowsNamingDatabaseUrl(string url)
    {
        var ex = Assert.Throws<StartupException>(() => PostgresUrl.ToConnectionString(url));

        Assert.Contains("DATABASE_URL", ex.Message);
    }
}
