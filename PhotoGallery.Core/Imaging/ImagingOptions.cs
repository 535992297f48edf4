using System.ComponentModel.DataAnnotations;

namespace PhotoGallery.Core.Imaging;

public sealed class ImagingOptions
{
    public const string SectionName = "Imaging";

    public ImagingEngine Engine { get; set; } = ImagingEngine.NetVips;

    [Range(32, 1024, ErrorMessage = "Imaging:ThumbnailSize must be between 32 and 1024 pixels.")]
    public int ThumbnailSize { get; set; } = 300;

    [Range(256, 8192, ErrorMessage = "Imaging:PreviewSize must be between 256 and 8192 pixels.")]
    public int PreviewSize { get; set; } = 1920;

    /// <summary>
    /// Encoding of the viewer preview (thumbnails are always WebP, HEIC previews too). JPEG by measurement: encoding a
    /// 1920 px preview costs about 6 ms as JPEG and 170 ms as WebP with libvips (docs/benchmarks.md).
    /// </summary>
    public PreviewFormat PreviewFormat { get; set; } = PreviewFormat.Jpeg;

    [Range(1, 64, ErrorMessage = "Imaging:MaxParallelEncodes must be between 1 and 64.")]
    public int MaxParallelEncodes { get; set; } = Math.Max(1, Environment.ProcessorCount);
}
