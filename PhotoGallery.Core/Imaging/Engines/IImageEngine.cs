namespace PhotoGallery.Core.Imaging.Engines;

/// <summary>Decodes a validated file once and encodes the thumbnail and preview from that decode.</summary>
internal interface IImageEngine
{
    /// <exception cref="InvalidDataException">The file is truncated or corrupt and cannot be decoded.</exception>
    Renditions Render(string filePath, ImageInspection inspection, RenditionRequest request, CancellationToken cancellationToken);
}
