using PhotoGallery.Core.Photos;
using PhotoGallery.Web.Security;

namespace PhotoGallery.Web.Endpoints;

public static class MediaEndpoints
{
    /// <summary>
    /// <c>GET /media/{id}/thumbnail|preview|original</c>: the files of a live photo, by id only. Strong ETags (304 on
    /// revalidation), long immutable caching for derived images, Range for originals, 404 for unknown or trashed photos.
    /// </summary>
    public static IEndpointRouteBuilder MapMediaEndpoints(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet("/media/download/{ticket:guid}", DownloadZipAsync).DisableAntiforgery();
        var media = endpoints.MapGroup("/media/{id:guid}").DisableAntiforgery();
        // PhotoMedia is a singleton: taken once here rather than per request (no request service scope, no
        // cancellation token source for the cached path, which does no I/O before the file itself).
        var photoMedia = endpoints.ServiceProvider.GetRequiredService<PhotoMedia>();
        var thumbnail = media.MapGet("/thumbnail", (Guid id, HttpContext http) => ServeDerivedAsync(id, MediaKind.Thumbnail, photoMedia, http));
        var preview = media.MapGet("/preview", (Guid id, HttpContext http) => ServeDerivedAsync(id, MediaKind.Preview, photoMedia, http));
        if (!endpoints.ServiceProvider.GetRequiredService<OwnerProtection>().Enabled)
        {
            // Thumbnails are fetched by the hundred while the grid scrolls. Without owner login there is no middleware
            // they need (no auth, no antiforgery, no error pages for images), so they are answered right after routing.
            thumbnail.ShortCircuit();
            preview.ShortCircuit();
        }
        media.MapGet("/trashed-thumbnail", async (Guid id, PhotoMedia photos, HttpContext http, CancellationToken ct) =>
        {
            var file = await photos.GetTrashedThumbnailAsync(id, ct);
            if (file is null)
                return Results.NotFound();
            http.Response.Headers.CacheControl = "private, no-cache";
            return Results.File(file.FullPath, file.ContentType, entityTag: file.EntityTag);
        });
        media.MapGet("/original", (Guid id, bool? download, PhotoMedia photos, HttpContext http, CancellationToken ct) =>
            ServeAsync(id, MediaKind.Original, photos, http, ct, download == true));
        return endpoints;
    }

    /// <summary>The originals of a selection as one zip, streamed; entries keep the uploaded names (made unique).</summary>
    private static async Task<IResult> DownloadZipAsync(Guid ticket, DownloadTickets tickets, PhotoMedia photos, HttpContext http, CancellationToken cancellationToken)
    {
        if (tickets.Redeem(ticket) is not { Count: > 0 } ids)
            return Results.NotFound();

        var files = new List<MediaFile>();
        foreach (var id in ids)
        {
            if (await photos.GetAsync(id, MediaKind.Original, cancellationToken) is { } file)
                files.Add(file);
        }
        if (files.Count == 0)
            return Results.NotFound();

        // ZipArchive writes synchronously; this one response may.
        http.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpBodyControlFeature>()!.AllowSynchronousIO = true;
        http.Response.ContentType = "application/zip";
        http.Response.Headers.ContentDisposition = $"attachment; filename=\"photos-{DateTime.UtcNow:yyyy-MM-dd}.zip\"";
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        using (var zip = new System.IO.Compression.ZipArchive(http.Response.Body, System.IO.Compression.ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var file in files)
            {
                var entry = zip.CreateEntry(UniqueName(file.DownloadName, names), System.IO.Compression.CompressionLevel.NoCompression);
                entry.LastWriteTime = file.LastModified;
                await using var target = entry.Open();
                await using var source = File.OpenRead(file.FullPath);
                await source.CopyToAsync(target, cancellationToken);
            }
        }
        return Results.Empty;
    }

    private static string UniqueName(string name, HashSet<string> taken)
    {
        var candidate = name;
        for (var n = 2; !taken.Add(candidate); n++)
            candidate = $"{Path.GetFileNameWithoutExtension(name)} ({n}){Path.GetExtension(name)}";
        return candidate;
    }

    /// <summary>
    /// Thumbnails and previews, the hot path: a cached photo's file is served without a separate existence check
    /// (opening it is the check); a file missing on disk still answers 404.
    /// </summary>
    private static async Task ServeDerivedAsync(Guid id, MediaKind kind, PhotoMedia photos, HttpContext http)
    {
        var file = photos.GetCachedUnchecked(id, kind) ?? await photos.GetAsync(id, kind, http.RequestAborted);
        if (file is null)
        {
            await Results.NotFound().ExecuteAsync(http);
            return;
        }
        http.Response.Headers.CacheControl = "private, max-age=31536000, immutable";
        try
        {
            await Results.File(file.FullPath, file.ContentType, lastModified: file.LastModified, entityTag: file.EntityTag).ExecuteAsync(http);
        }
        catch (FileNotFoundException) when (!http.Response.HasStarted)
        {
            http.Response.Headers.CacheControl = default;
            await Results.NotFound().ExecuteAsync(http);
        }
    }

    private static async Task<IResult> ServeAsync(Guid id, MediaKind kind, PhotoMedia photos, HttpContext http, CancellationToken cancellationToken, bool download = false)
    {
        var file = await photos.GetAsync(id, kind, cancellationToken);
        if (file is null)
            return Results.NotFound();

        // Derived images never change under their URL (a new photo gets a new id); originals may be re-checked.
        http.Response.Headers.CacheControl = kind == MediaKind.Original ? "private, max-age=3600" : "private, max-age=31536000, immutable";
        return Results.File(
            file.FullPath,
            file.ContentType,
            fileDownloadName: download ? file.DownloadName : null,
            lastModified: file.LastModified,
            entityTag: file.EntityTag,
            enableRangeProcessing: kind == MediaKind.Original);
    }
}
