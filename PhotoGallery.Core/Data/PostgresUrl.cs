using Npgsql;
using PhotoGallery.Core.Common;

namespace PhotoGallery.Core.Data;

/// <summary>Turns <c>postgresql://user:pass@host:port/db?sslmode=require</c> into an Npgsql connection string.</summary>
public static class PostgresUrl
{
    public static string ToConnectionString(string url)
    {
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != "postgresql" && uri.Scheme != "postgres"))
            throw new StartupException("DATABASE_URL is not a postgresql:// URL. Expected postgresql://user:password@host:port/database.");
        if (string.IsNullOrEmpty(uri.Host))
            throw new StartupException("DATABASE_URL has no host. Expected postgresql://user:password@host:port/database.");

        var database = Uri.UnescapeDataString(uri.AbsolutePath.TrimStart('/'));
        if (database.Length == 0)
            throw new StartupException("DATABASE_URL names no database. Expected postgresql://user:password@host:port/database.");

        var builder = new NpgsqlConnectionStringBuilder
        {
            Host = uri.Host.Trim('[', ']'),
            Port = uri.IsDefaultPort || uri.Port < 0 ? 5432 : uri.Port,
            Database = database,
        };
        if (uri.UserInfo.Length > 0)
        {
            var colon = uri.UserInfo.IndexOf(':');
            builder.Username = Uri.UnescapeDataString(colon < 0 ? uri.UserInfo : uri.UserInfo[..colon]);
            if (colon >= 0)
                builder.Password = Uri.UnescapeDataString(uri.UserInfo[(colon + 1)..]);
        }

        foreach (var pair in uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries))
        {
            var eq = pair.IndexOf('=');
            var key = Uri.UnescapeDataString(eq < 0 ? pair : pair[..eq]);
            var value = eq < 0 ? "" : Uri.UnescapeDataString(pair[(eq + 1)..]);
            try
            {
                builder[key] = value;
            }
            catch (Exception ex) when (ex is ArgumentException or FormatException or InvalidCastException)
            {
                throw new StartupException($"DATABASE_URL has an unsupported option '{key}'.");
            }
        }
        return builder.ConnectionString;
    }
}
