using NetVips;
using VipsImage = NetVips.Image;

namespace PhotoGallery.Core.Imaging.Engines;

/// <summary>
/// libvips: one shrink-on-load decode to about preview size (JPEG decodes at 1/2, 1/4 or 1/8 scale), kept in
/// memory, from which the thumbnail is made. <c>fail_on=error</c> refuses truncated and corrupt files.
/// </summary>
internal sealed class NetVipsImageEngine : IImageEngine
{
    public NetVipsImageEngine()
    {
        if (!ModuleInitializer.VipsInitialized)
        {
            throw new InvalidOperationException(
                "The native libvips library could not be loaded, so the NetVips imaging engine cannot run. " +
                "Set Imaging:Engine to ImageSharp to use the managed engine.",
                ModuleInitializer.Exception);
        }

        // libvips settings are process-wide. No operation cache: a result must never be reused for a new file at a
        // path that was used before, and memory stays flat under a stream of uploads. Untrusted loaders stay off.
        Cache.Max = 0;
        Cache.MaxFiles = 0;
        NetVips.NetVips.BlockUntrusted = true;
    }

    public Renditions Render(string filePath, ImageInspection inspection, RenditionRequest request, CancellationToken cancellationToken)
    {
        try
        {
            using var shrunkJpeg = inspection.Format == ImageFormat.Jpeg ? LoadJpegForPreview(filePath, inspection, request.PreviewSize) : null;
            using var decoded = shrunkJpeg is not null
                ? shrunkJpeg.ThumbnailImage(request.PreviewSize, height: request.PreviewSize, size: Enums.Size.Down)
                : VipsImage.Thumbnail(
                    filePath,
                    request.PreviewSize,
                    height: request.PreviewSize,
                    size: Enums.Size.Down,
                    failOn: Enums.FailOn.Error);

            // thumbnail already turns CMYK and 16-bit input into 8-bit sRGB; grey, 16-bit grey or anything unusual is
            // converted here so the encoders always get 8-bit sRGB. (Disposing the same image twice is harmless.)
            using var srgb = decoded.Interpretation == Enums.Interpretation.Srgb ? decoded : decoded.Colourspace(Enums.Interpretation.Srgb);
            using var eightBit = srgb.Format == Enums.BandFormat.Uchar ? srgb : srgb.Cast(Enums.BandFormat.Uchar);

            // The one decode happens here; a truncated or corrupt file fails here.
            using var preview = eightBit.CopyMemory();
            cancellationToken.ThrowIfCancellationRequested();

            using var thumbnail = preview.ThumbnailImage(
                request.ThumbnailSize, height: request.ThumbnailSize, size: Enums.Size.Down, noRotate: true);
            var thumbnailBytes = thumbnail.WebpsaveBuffer(q: RenditionRequest.ThumbnailQuality, keep: Enums.ForeignKeep.Icc);
            cancellationToken.ThrowIfCancellationRequested();

            var previewBytes = EncodePreview(preview, request.PreviewFormat);
            return new Renditions(
                thumbnailBytes, previewBytes, request.PreviewExtension, request.PreviewMimeType, preview.Width, preview.Height);
        }
        catch (VipsException ex)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
    }

    public byte[] RenderFill(string filePath, int width, int height, CancellationToken cancellationToken)
    {
        try
        {
            using var filled = VipsImage.Thumbnail(filePath, width, height: height, size: Enums.Size.Both, crop: Enums.Interesting.Centre,
                failOn: Enums.FailOn.Error);
            using var srgb = filled.Interpretation == Enums.Interpretation.Srgb ? filled : filled.Colourspace(Enums.Interpretation.Srgb);
            using var eightBit = srgb.Format == Enums.BandFormat.Uchar ? srgb : srgb.Cast(Enums.BandFormat.Uchar);
            cancellationToken.ThrowIfCancellationRequested();
            return eightBit.PngsaveBuffer(compression: 3, keep: Enums.ForeignKeep.None);
        }
        catch (VipsException ex)
        {
            throw new InvalidDataException(ex.Message, ex);
        }
    }

    /// <summary>
    /// libvips' <c>thumbnail</c> keeps at least a factor of two for its final resize, so for a 1920 px preview of a
    /// 4000 px photo it decodes the JPEG at full size. Loading at the smallest 1/2, 1/4 or 1/8 scale that still covers
    /// the preview (lazily, sequentially; the decode happens at <c>CopyMemory</c>) halves the decode of a 12 MP photo.
    /// </summary>
    private static VipsImage LoadJpegForPreview(string filePath, ImageInspection inspection, int previewSize)
    {
        var longest = Math.Max(inspection.Width, inspection.Height);
        var shrink = 8;
        while (shrink > 1 && (longest + shrink - 1) / shrink < previewSize)
        {
            shrink /= 2;
        }

        return VipsImage.Jpegload(filePath, shrink: shrink, access: Enums.Access.Sequential, failOn: Enums.FailOn.Error);
    }

    private static byte[] EncodePreview(VipsImage preview, PreviewFormat format)
    {
        if (format == PreviewFormat.WebP)
        {
            return preview.WebpsaveBuffer(q: RenditionRequest.WebPPreviewQuality, keep: Enums.ForeignKeep.Icc);
        }

        if (!preview.HasAlpha())
        {
            return preview.JpegsaveBuffer(q: RenditionRequest.JpegPreviewQuality, keep: Enums.ForeignKeep.Icc);
        }

        using var flattened = preview.Flatten(background: [255, 255, 255]);
        return flattened.JpegsaveBuffer(q: RenditionRequest.JpegPreviewQuality, keep: Enums.ForeignKeep.Icc);
    }
}
