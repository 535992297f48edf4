using System.Net;

namespace PhotoGallery.Web.Security;

public static class ListenAddresses
{
    /// <summary>
    /// True when every configured URL binds a loopback address (127.0.0.0/8, ::1, localhost). Wildcards
    /// (<c>*</c>, <c>+</c>, <c>0.0.0.0</c>, <c>[::]</c>), other addresses and host names are not loopback.
    /// No URLs at all means Kestrel's default, http://localhost:5000.
    /// </summary>
    public static bool AreLoopbackOnly(string? urls)
    {
        if (string.IsNullOrWhiteSpace(urls))
            return true;
        foreach (var url in urls.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var host = HostOf(url);
            if (host is null)
                return false;
            if (host.Equals("localhost", StringComparison.OrdinalIgnoreCase))
                continue;
            if (!IPAddress.TryParse(host.Trim('[', ']'), out var ip) || !IPAddress.IsLoopback(ip))
                return false;
        }
        return true;
    }

    private static string? HostOf(string url)
    {
        var schemeEnd = url.IndexOf("://", StringComparison.Ordinal);
        if (schemeEnd < 0)
            return null;
        var rest = url[(schemeEnd + 3)..];
        var slash = rest.IndexOf('/');
        if (slash >= 0)
            rest = rest[..slash];
        if (rest.StartsWith('['))
        {
            var close = rest.IndexOf(']');
            return close < 0 ? null : rest[..(close + 1)];
        }
        var colon = rest.LastIndexOf(':');
        return colon >= 0 ? rest[..colon] : rest;
    }
}
