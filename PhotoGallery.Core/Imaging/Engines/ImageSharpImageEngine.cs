using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Jpeg;
using SixLabors.ImageSharp.Formats.Webp;
using SixLabors.ImageSharp.Memory;
using SixLabors.ImageSharp.PixelFormats;
using SixLabors.ImageSharp.Processing;

namespace PhotoGallery.Core.Imaging.Engines;

/// <summary>
/// SixLabors.ImageSharp 2.1.13, the managed fallback. It decodes at full size (2.1 has no reduced-size JPEG decode)
/// and decodes a cut-off JPEG without complaint, so completeness is checked from the file's structure first.
/// </summary>
internal sealed class ImageSharpImageEngine : IImageEngine
{
    private readonly Configuration _configuration;

    public ImageSharpImageEngine()
    {
        // A private configuration with a small pool: a server should not keep hundreds of MB of pixel buffers.
        _configuration = Configuration.Default.Clone();
        _configuration.MemoryAllocator = MemoryAllocator.Create(new MemoryAllocatorOptions { MaximumPoolSizeMegabytes = 64 });
    }

    public Renditions Render(string filePath, ImageInspection inspection, RenditionRequest request, CancellationToken cancellationToken)
    {
        var bytes = File.ReadAllBytes(filePath);
        if (!ImageCompleteness.IsComplete(bytes, inspection.Format))
        {
            throw new InvalidDataException($"The {inspection.Format} data ends before its end marker.");
        }

        try
        {
            // ImageSharp allocates the full image: decode only the file whose header was inspected and bounded.
            using var headerStream = new MemoryStream(bytes, writable: false);
            var header = Image.Identify(_configuration, headerStream);
            if (header is null || header.Width != inspection.Width || header.Height != inspection.Height)
            {
                throw new InvalidDataException("The file's header does not match its inspection.");
            }

            using var image = inspection.Format == ImageFormat.Jpeg
                ? (Image)Image.Load<Rgb24>(_configuration, bytes)
                : Image.Load<Rgba32>(_configuration, bytes);
            cancellationToken.ThrowIfCancellationRequested();

            image.Mutate(x => x.AutoOrient());
            var (previewWidth, previewHeight) = RenditionRequest.Fit(image.Width, image.Height, request.PreviewSize);
            if (previewWidth != image.Width || previewHeight != image.Height)
            {
                image.Mutate(x => x.Resize(previewWidth, previewHeight));
            }

            image.Metadata.ExifProfile = null;
            image.Metadata.XmpProfile = null;
            image.Metadata.IptcProfile = null;
            cancellationToken.ThrowIfCancellationRequested();

            var (thumbnailWidth, thumbnailHeight) = RenditionRequest.Fit(image.Width, image.Height, request.ThumbnailSize);
            using var thumbnail = image.Clone(x => x.Resize(thumbnailWidth, thumbnailHeight));
            var thumbnailBytes = Encode(thumbnail, new WebpEncoder { Quality = RenditionRequest.ThumbnailQuality, FileFormat = WebpFileFormatType.Lossy });
            cancellationToken.ThrowIfCancellationRequested();

            var previewBytes = request.PreviewFormat == PreviewFormat.WebP
                ? Encode(image, new WebpEncoder { Quality = RenditionRequest.WebPPreviewQuality, FileFormat = WebpFileFormatType.Lossy })
                : EncodeJpeg(image);
            return new Renditions(
                thumbnailBytes, previewBytes, request.PreviewExtension, request.PreviewMimeType, image.Width, image.Height);
        }
        catch (Exception ex) when (ex is ImageFormatException or InvalidMemoryOperationException or NotSupportedException)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
    }

    public byte[] RenderFill(string filePath, int width, int height, CancellationToken cancellationToken)
    {
        try
        {
            using var image = Image.Load<Rgba32>(_configuration, filePath);
            cancellationToken.ThrowIfCancellationRequested();
            image.Mutate(x => x.AutoOrient().Resize(new ResizeOptions { Size = new Size(width, height), Mode = ResizeMode.Crop, Position = AnchorPositionMode.Center }));
            image.Metadata.ExifProfile = null;
            image.Metadata.XmpProfile = null;
            return Encode(image, new SixLabors.ImageSharp.Formats.Png.PngEncoder());
        }
        catch (Exception ex) when (ex is ImageFormatException or InvalidMemoryOperationException or NotSupportedException)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
    }

    private static byte[] EncodeJpeg(Image image)
    {
        if (image is not Image<Rgba32>)
        {
            return Encode(image, new JpegEncoder { Quality = RenditionRequest.JpegPreviewQuality });
        }

        using var flattened = image.Clone(x => x.BackgroundColor(Color.White));
        return Encode(flattened, new JpegEncoder { Quality = RenditionRequest.JpegPreviewQuality });
    }

    private static byte[] Encode(Image image, SixLabors.ImageSharp.Formats.IImageEncoder encoder)
    {
        using var output = new MemoryStream();
        image.Save(output, encoder);
        return output.ToArray();
    }
}
