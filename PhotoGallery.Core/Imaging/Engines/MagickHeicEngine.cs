using ImageMagick;

namespace PhotoGallery.Core.Imaging.Engines;

/// <summary>
/// HEIC through Magick.NET, the one decoder here that reads HEVC pixels. The reader is pinned to HEIC so no other
/// ImageMagick coder ever sees an upload, and ImageMagick's own width/height/area limits back up the header check.
/// </summary>
internal sealed class MagickHeicEngine : IImageEngine
{
    public MagickHeicEngine(int maxDimension)
    {
        // ImageMagick's limits are process-wide; this is the only place the app uses ImageMagick.
        ResourceLimits.Width = (ulong)maxDimension;
        ResourceLimits.Height = (ulong)maxDimension;
        ResourceLimits.Area = (ulong)maxDimension * (ulong)maxDimension;
    }

    public Renditions Render(string filePath, ImageInspection inspection, RenditionRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var image = new MagickImage(filePath, new MagickReadSettings { Format = MagickFormat.Heic });
            cancellationToken.ThrowIfCancellationRequested();

            image.AutoOrient();
            if (image.GetColorProfile() is not null)
            {
                image.TransformColorSpace(ColorProfiles.SRGB);
            }

            image.Strip();
            image.Depth = 8;
            ResizeToFit(image, request.PreviewSize);
            cancellationToken.ThrowIfCancellationRequested();

            using var thumbnail = (MagickImage)image.Clone();
            ResizeToFit(thumbnail, request.ThumbnailSize);
            var thumbnailBytes = Encode(thumbnail, MagickFormat.WebP, RenditionRequest.ThumbnailQuality);
            cancellationToken.ThrowIfCancellationRequested();

            // HEIC previews are always WebP (DESIGN §4): the decode dominates, so the encoder's cost matters little here.
            var previewBytes = Encode(image, MagickFormat.WebP, RenditionRequest.WebPPreviewQuality);
            return new Renditions(thumbnailBytes, previewBytes, "webp", "image/webp", (int)image.Width, (int)image.Height);
        }
        catch (MagickException ex)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
    }

    public byte[] RenderFill(string filePath, int width, int height, CancellationToken cancellationToken)
    {
        try
        {
            using var image = new MagickImage(filePath, new MagickReadSettings { Format = MagickFormat.Heic });
            cancellationToken.ThrowIfCancellationRequested();
            image.AutoOrient();
            if (image.GetColorProfile() is not null)
            {
                image.TransformColorSpace(ColorProfiles.SRGB);
            }

            image.Strip();
            image.Depth = 8;
            image.Resize(new MagickGeometry((uint)width, (uint)height) { FillArea = true });
            image.Crop(new MagickGeometry((uint)width, (uint)height), Gravity.Center);
            image.ResetPage();
            return image.ToByteArray(MagickFormat.Png);
        }
        catch (MagickException ex)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
    }

    private static void ResizeToFit(MagickImage image, int box)
    {
        var (width, height) = RenditionRequest.Fit((int)image.Width, (int)image.Height, box);
        if (width != image.Width || height != image.Height)
        {
            image.Resize(new MagickGeometry((uint)width, (uint)height) { IgnoreAspectRatio = true });
        }
    }

    private static byte[] Encode(MagickImage image, MagickFormat format, int quality)
    {
        image.Quality = (uint)quality;
        return image.ToByteArray(format);
    }
}
