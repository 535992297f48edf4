using PhotoGallery.Core.Sharing;

namespace PhotoGallery.Web.Security;

/// <summary>
/// The cookie that remembers a correct share-link password: HttpOnly, SameSite=Lax, scoped to <c>/s/{token}</c> so it
/// is sent only with that link's page and media, its value protected by <see cref="ShareAccessGrants"/>.
/// </summary>
public static class ShareAccessCookie
{
    public const string Name = "pg_share";

    public static string? Read(HttpContext http) => http.Request.Cookies[Name];

    public static void Write(HttpContext http, string token, string grant) =>
        http.Response.Cookies.Append(Name, grant, new CookieOptions
        {
            Path = "/s/" + token,
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            Secure = http.Request.IsHttps,
            IsEssential = true,
            MaxAge = ShareAccessGrants.Lifetime,
        });
}
