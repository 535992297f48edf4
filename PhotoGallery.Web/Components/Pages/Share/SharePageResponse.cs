using PhotoGallery.Web.Endpoints;

namespace PhotoGallery.Web.Components.Pages.Share;

/// <summary>Response settings shared by the public share pages.</summary>
public static class SharePageResponse
{
    /// <summary>No referrer (the token is in the URL), no indexing. The antiforgery layer already makes pages no-store.</summary>
    public static void Prepare(HttpContext http) => ShareEndpoints.SetPublicHeaders(http);

    /// <summary>
    /// Answers 404; the body is <see cref="ShareUnavailablePage"/>, re-executed by the share status-code pages
    /// (Program.cs), so it is the same whatever the reason.
    /// </summary>
    public static void NotFound(HttpContext http) => http.Response.StatusCode = StatusCodes.Status404NotFound;
}
