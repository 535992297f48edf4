namespace PhotoGallery.Web.Security;

/// <summary>Names of the rate-limiter policies registered by <see cref="RateLimitingExtensions.AddGalleryRateLimiting"/>.</summary>
public static class RateLimitPolicies
{
    /// <summary>Password attempts on a share link: 10 per minute per client IP and link.</summary>
    public const string SharePassword = "share-password";

    /// <summary>Owner sign-in and first-run password POSTs, per client IP.</summary>
    public const string OwnerPassword = "owner-password";
}
