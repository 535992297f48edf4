namespace PhotoGallery.Core.Imaging.Engines;

/// <summary>Decodes a validated file once and encodes the thumbnail and preview from that decode.</summary>
internal interface IImageEngine
{
    /// <exception cref="InvalidDataException">The file is truncated or corrupt and cannot be decoded.</exception>
    Renditions Render(string filePath, ImageInspection inspection, RenditionRequest request, CancellationToken cancellationToken);

    /// <summary>
    /// A PNG of exactly <paramref name="width"/> × <paramref name="height"/>: EXIF orientation applied, scaled to cover the
    /// box and centre-cropped to it, never stretched (an img2img source).
    /// </summary>
    /// <exception cref="InvalidDataException">The file is truncated or corrupt and cannot be decoded.</exception>
    byte[] RenderFill(string filePath, int width, int height, CancellationToken cancellationToken);
}
