using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PhotoGallery.Core.Backends;
using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Common;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Imaging;
using PhotoGallery.Core.Storage;

namespace PhotoGallery.Core.Generation.Steps;

/// <summary>
/// Puts an img2img source on the InvokeAI server in use, at the step's size: a generated image of that size made on that
/// server is used as it is; anything else is centre-cropped to fill (never stretched), uploaded once per server and
/// size, and its image name reused until the server loses it.
/// </summary>
public sealed class SourceImages(
    IDbContextFactory<GalleryDbContext> dbFactory,
    IPhotoStore store,
    ImageProcessor images,
    InvokeAiClient client,
    ActiveBackend backend,
    TimeProvider clock,
    ILogger<SourceImages> logger)
{
    /// <summary>InvokeAI's image name for the photo at <paramref name="width"/> × <paramref name="height"/>.</summary>
    /// <exception cref="UserFacingException">The photo is gone, or it cannot be read or uploaded.</exception>
    public async Task<string> ResolveAsync(Guid photoId, int width, int height, CancellationToken cancellationToken)
    {
        var server = (await backend.GetEndpointAsync(cancellationToken)).BaseUri.ToString();
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var photo = await db.Photos.AsNoTracking().Where(p => p.Id == photoId)
            .Select(p => new
            {
                p.StoredPath, p.MimeType, p.Width, p.Height, p.InvokeAiImageName, p.DeletedAt,
                MadeOn = db.GenerationSteps.Where(s => s.Id == p.GenerationStepId).Select(s => s.BackendUrl).FirstOrDefault(),
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (photo is null || photo.DeletedAt is not null)
            throw new UserFacingException("The source image is no longer in the library (it was deleted or is in Trash). Restore it or choose another.");

        if (photo.InvokeAiImageName is { } own && photo.Width == width && photo.Height == height && photo.MadeOn == server
            && await ExistsAsync(own, cancellationToken))
            return own;

        var cached = await db.SourceUploads.FirstOrDefaultAsync(
            u => u.PhotoId == photoId && u.ServerUrl == server && u.Width == width && u.Height == height, cancellationToken);
        if (cached is not null)
        {
            if (await ExistsAsync(cached.ImageName, cancellationToken))
                return cached.ImageName;
            logger.LogInformation("InvokeAI lost the uploaded source {ImageName} of photo {PhotoId}; uploading it again", cached.ImageName, photoId);
            db.SourceUploads.Remove(cached);
        }

        var format = ImageProcessor.FormatOf(photo.MimeType)
            ?? throw new UserFacingException($"The source image is stored as {photo.MimeType}, which cannot be used as a source.");
        byte[] png;
        try
        {
            png = await images.RenderFillAsync(store.GetFullPath(photo.StoredPath), format, width, height, cancellationToken);
        }
        catch (ImageRejectedException ex)
        {
            throw new UserFacingException("The source image's file cannot be read: " + ex.Message, ex);
        }
        var uploaded = await client.UploadImageAsync(new MemoryStream(png), $"{photoId:N}-{width}x{height}.png", "image/png", cancellationToken);
        db.SourceUploads.Add(new SourceUpload
        {
            PhotoId = photoId,
            ServerUrl = server,
            Width = width,
            Height = height,
            ImageName = uploaded.ImageName,
            UploadedAt = clock.GetUtcNow().UtcDateTime,
        });
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Uploaded photo {PhotoId} to InvokeAI as {ImageName} ({Width}×{Height})", photoId, uploaded.ImageName, width, height);
        return uploaded.ImageName;
    }

    private async Task<bool> ExistsAsync(string imageName, CancellationToken cancellationToken)
    {
        try
        {
            await client.GetImageInfoAsync(imageName, cancellationToken);
            return true;
        }
        catch (InvokeAiRetrievalException ex) when (ex.StatusCode == 404)
        {
            return false;
        }
    }
}
