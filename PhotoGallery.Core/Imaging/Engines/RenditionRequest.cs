namespace PhotoGallery.Core.Imaging.Engines;

/// <summary>Sizes, formats and qualities an engine renders to.</summary>
internal sealed record RenditionRequest(int ThumbnailSize, int PreviewSize, PreviewFormat PreviewFormat)
{
    public const int ThumbnailQuality = 80;
    public const int WebPPreviewQuality = 80;
    public const int JpegPreviewQuality = 85;

    public string PreviewExtension => PreviewFormat == PreviewFormat.WebP ? "webp" : "jpg";

    public string PreviewMimeType => PreviewFormat == PreviewFormat.WebP ? "image/webp" : "image/jpeg";

    /// <summary>Size that fits <paramref name="width"/> × <paramref name="height"/> in a <paramref name="box"/> square, never larger.</summary>
    public static (int Width, int Height) Fit(int width, int height, int box)
    {
        var longest = Math.Max(width, height);
        if (longest <= box)
        {
            return (width, height);
        }

        var scale = (double)box / longest;
        return (Math.Max(1, (int)Math.Round(width * scale)), Math.Max(1, (int)Math.Round(height * scale)));
    }
}
