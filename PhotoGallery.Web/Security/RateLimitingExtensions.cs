using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace PhotoGallery.Web.Security;

/// <summary>
/// Every rate-limiter policy of the app in one place (ASP.NET Core's built-in limiter). Policies limit password
/// attempts only: a form POST counts, reading a page does not.
/// </summary>
public static class RateLimitingExtensions
{
    public const int SharePasswordAttemptsPerMinute = 10;
    public const int OwnerPasswordAttemptsPerMinute = 10;

    public static IServiceCollection AddGalleryRateLimiting(this IServiceCollection services)
    {
        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.OnRejected = async (context, cancellationToken) =>
            {
                var response = context.HttpContext.Response;
                if (context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var retryAfter))
                    response.Headers.RetryAfter = ((int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync("Too many attempts. Wait a minute, then try again.", cancellationToken);
            };
            options.AddPolicy(RateLimitPolicies.OwnerPassword, http => PasswordAttempts(http, "owner", http.Request.Path, OwnerPasswordAttemptsPerMinute));
            options.AddPolicy(RateLimitPolicies.SharePassword, http => PasswordAttempts(http, "share", http.Request.RouteValues["token"] as string, SharePasswordAttemptsPerMinute));
        });
        return services;
    }

    /// <summary>
    /// A fixed one-minute window per client IP and target (a share link, the owner login) for POSTs; other methods
    /// are not limited.
    /// </summary>
    public static RateLimitPartition<string> PasswordAttempts(HttpContext http, string scope, string? target, int perMinute)
    {
        if (!HttpMethods.IsPost(http.Request.Method))
            return RateLimitPartition.GetNoLimiter(string.Empty);
        var key = $"{scope}|{http.Connection.RemoteIpAddress}|{target}";
        return RateLimitPartition.GetFixedWindowLimiter(key, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = perMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        });
    }
}
