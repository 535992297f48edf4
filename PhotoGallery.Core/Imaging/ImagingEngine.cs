namespace PhotoGallery.Core.Imaging;

public enum ImagingEngine
{
    /// <summary>libvips through NetVips: the default (shrink-on-load, streaming).</summary>
    NetVips,

    /// <summary>SixLabors.ImageSharp 2.1.13: the pure-managed fallback.</summary>
    ImageSharp,
}
