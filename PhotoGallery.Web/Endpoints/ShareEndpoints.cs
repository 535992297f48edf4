using System.IO.Compression;
using Microsoft.AspNetCore.Diagnostics;
using PhotoGallery.Core.Photos;
using PhotoGallery.Core.Sharing;
using PhotoGallery.Web.Components.Pages.Share;
using PhotoGallery.Web.Security;

namespace PhotoGallery.Web.Endpoints;

public static class ShareEndpoints
{
    /// <summary>Short: a revoked link or a changed password should stop working in visitors' caches soon.</summary>
    private const string CacheControl = "private, max-age=300";

    /// <summary>
    /// <c>GET /s/{token}/media/{photoId}/thumbnail|preview|original</c> and <c>GET /s/{token}/download</c>: files of a
    /// share link, only through its token (and its password cookie), only for live photos the link covers. Every refusal
    /// is the same 404, whatever the reason.
    /// </summary>
    public static IEndpointRouteBuilder MapShareEndpoints(this IEndpointRouteBuilder endpoints)
    {
        // Public by design (owner protection must not apply): access is decided by the token and the password cookie.
        var share = endpoints.MapGroup("/s/{token}").DisableAntiforgery().AllowAnonymous();
        share.MapGet("/media/{photoId:guid}/thumbnail", (string token, Guid photoId, PublicShares shares, HttpContext http, CancellationToken ct) =>
            ServeAsync(token, photoId, MediaKind.Thumbnail, false, shares, http, ct));
        share.MapGet("/media/{photoId:guid}/preview", (string token, Guid photoId, PublicShares shares, HttpContext http, CancellationToken ct) =>
            ServeAsync(token, photoId, MediaKind.Preview, false, shares, http, ct));
        share.MapGet("/media/{photoId:guid}/original", (string token, Guid photoId, bool? download, PublicShares shares, HttpContext http, CancellationToken ct) =>
            ServeAsync(token, photoId, MediaKind.Original, download == true, shares, http, ct));
        share.MapGet("/download", DownloadAllAsync);
        return endpoints;
    }

    /// <summary>
    /// Share routes (<c>/s/...</c>) answer every 404 with <see cref="ShareUnavailablePage"/>, never the owner's
    /// not-found page: one body for every bad link, whatever the reason. Call right after the owner's status-code
    /// pages; the inner re-execution is switched off for every other path, so the owner's pages keep theirs.
    /// </summary>
    /// <summary>
    /// Error pages: under /s/ every 404 re-executes to the one share-unavailable page (revoked, expired, wrong and
    /// guessed links look the same); elsewhere to the owner's not-found page. Exactly one of the two handles a request.
    /// </summary>
    public static WebApplication UseGalleryStatusCodePages(this WebApplication app)
    {
        // Two re-executing handlers, each switched off where the other one applies. The owner's is the inner one,
        // so the feature a request sees is the owner's: turning it off (a bare 401 for media) leaves no other active.
        app.UseStatusCodePagesWithReExecute(ShareUnavailablePage.Route, createScopeForStatusCodePages: true);
        app.Use((http, next) => DisableWhere(http, next, onSharePath: false));
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.Use((http, next) => DisableWhere(http, next, onSharePath: true));
        return app;
    }

    private static Task DisableWhere(HttpContext http, RequestDelegate next, bool onSharePath)
    {
        if (http.Request.Path.StartsWithSegments("/s") == onSharePath && http.Features.Get<IStatusCodePagesFeature>() is { } pages)
            pages.Enabled = false;
        return next(http);
    }

    private static async Task<IResult> ServeAsync(
        string token, Guid photoId, MediaKind kind, bool download, PublicShares shares, HttpContext http, CancellationToken cancellationToken)
    {
        var file = await shares.GetMediaAsync(token, ShareAccessCookie.Read(http), photoId, kind, cancellationToken);
        if (file is null)
            return NotFound(http);

        SetPublicHeaders(http);
        http.Response.Headers.CacheControl = CacheControl;
        return Results.File(
            file.FullPath,
            file.ContentType,
            fileDownloadName: download ? file.DownloadName : null,
            lastModified: file.LastModified,
            entityTag: file.EntityTag,
            enableRangeProcessing: kind == MediaKind.Original);
    }

    /// <summary>Every original of the link as one zip, streamed; only when the link allows download.</summary>
    private static async Task<IResult> DownloadAllAsync(string token, PublicShares shares, HttpContext http, CancellationToken cancellationToken)
    {
        var files = await shares.GetOriginalsAsync(token, ShareAccessCookie.Read(http), cancellationToken);
        if (files is not { Count: > 0 })
            return NotFound(http);

        SetPublicHeaders(http);
        http.Response.Headers.CacheControl = "private, no-store";
        // ZipArchive writes synchronously; this one response may.
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        http.Response.ContentType = "application/zip";
        http.Response.Headers.ContentDisposition = "attachment; filename=\"shared-photos.zip\"";
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var zip = new ZipArchive(http.Response.Body, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                var entry = zip.CreateEntry(UniqueName(file.DownloadName, names), CompressionLevel.NoCompression);
                entry.LastWriteTime = file.LastModified;
                await using var target = entry.Open();
                await using var source = File.OpenRead(file.FullPath);
                await source.CopyToAsync(target, cancellationToken);
            }
        }
        return Results.Empty;
    }

    /// <summary>Headers every public share response carries: no referrer (the token is in the URL), no indexing.</summary>
    public static void SetPublicHeaders(HttpContext http)
    {
        http.Response.Headers["Referrer-Policy"] = "no-referrer";
        http.Response.Headers["X-Robots-Tag"] = "noindex, nofollow";
        http.Response.Headers.XContentTypeOptions = "nosniff";
    }

    /// <summary>A 404, identical for every reason (its body is the share "not available" page, see Program.cs).</summary>
    private static IResult NotFound(HttpContext http)
    {
        SetPublicHeaders(http);
        return Results.NotFound();
    }

    private static string UniqueName(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
            candidate = $"{Path.GetFileNameWithoutExtension(name)} ({n}){Path.GetExtension(name)}";
        return candidate;
    }
}
