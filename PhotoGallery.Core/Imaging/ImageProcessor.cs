using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhotoGallery.Core.Imaging.Engines;
using PhotoGallery.Core.Imaging.Inspection;
using PhotoGallery.Core.Photos;

namespace PhotoGallery.Core.Imaging;

/// <summary>
/// The imaging seam the upload pipeline calls: <see cref="InspectAsync"/> validates a file from its header before
/// anything is stored, <see cref="RenderAsync"/> decodes it once and makes the thumbnail and preview.
/// The engine comes from <see cref="ImagingOptions.Engine"/>; HEIC always goes through Magick.NET.
/// </summary>
public sealed class ImageProcessor
{
    private readonly ImagingOptions _imagingOptions;
    private readonly ImageInspector _inspector;
    private readonly IImageEngine _engine;
    private readonly IImageEngine _heicEngine;
    private readonly RenditionRequest _request;
    private readonly SemaphoreSlim _encodeSlots;
    private readonly ILogger<ImageProcessor> _logger;

    public ImageProcessor(IOptions<ImagingOptions> imagingOptions, IOptions<PhotoOptions> photoOptions, ILogger<ImageProcessor> logger)
    {
        _imagingOptions = imagingOptions.Value;
        _logger = logger;
        _inspector = new ImageInspector(photoOptions.Value);
        _engine = _imagingOptions.Engine switch
        {
            ImagingEngine.NetVips => new NetVipsImageEngine(),
            ImagingEngine.ImageSharp => new ImageSharpImageEngine(),
            _ => throw new InvalidOperationException($"Imaging:Engine '{_imagingOptions.Engine}' is not a known engine."),
        };
        _heicEngine = new MagickHeicEngine(photoOptions.Value.MaxDimension);
        _request = new RenditionRequest(_imagingOptions.ThumbnailSize, _imagingOptions.PreviewSize, _imagingOptions.PreviewFormat);
        _encodeSlots = new SemaphoreSlim(_imagingOptions.MaxParallelEncodes, _imagingOptions.MaxParallelEncodes);
    }

    /// <summary>The engine that renders JPEG, PNG and WebP.</summary>
    public ImagingEngine Engine => _imagingOptions.Engine;

    /// <summary>
    /// Validates <paramref name="filePath"/> without decoding pixels: extension, byte size, content against
    /// extension, header dimensions; and reads EXIF. <paramref name="originalFileName"/> is only echoed in messages.
    /// </summary>
    /// <exception cref="ImageRejectedException">The file is not accepted; the message names the file and the reason.</exception>
    public Task<ImageInspection> InspectAsync(string filePath, string originalFileName, CancellationToken cancellationToken)
    {
        var displayName = ImageRejectedException.ToDisplayName(originalFileName);
        return Task.Run(() => _inspector.Inspect(filePath, displayName, cancellationToken), cancellationToken);
    }

    /// <summary>
    /// Decodes the inspected file once, failing on truncated or corrupt data, applies EXIF orientation and encodes
    /// the WebP thumbnail and the preview. At most <see cref="ImagingOptions.MaxParallelEncodes"/> run at a time.
    /// </summary>
    /// <exception cref="ImageRejectedException">The file is damaged or incomplete.</exception>
    public async Task<Renditions> RenderAsync(string filePath, ImageInspection inspection, CancellationToken cancellationToken)
    {
        var engine = inspection.Format == ImageFormat.Heic ? _heicEngine : _engine;
        await _encodeSlots.WaitAsync(cancellationToken);
        try
        {
            var started = Stopwatch.GetTimestamp();
            var renditions = await Task.Run(() => engine.Render(filePath, inspection, _request, cancellationToken), cancellationToken);
            _logger.LogDebug(
                "Rendered {Width}x{Height} {Format} with {Engine} in {ElapsedMs:0.0} ms (thumbnail {ThumbnailBytes} B, preview {PreviewBytes} B)",
                inspection.Width, inspection.Height, inspection.Format, engine.GetType().Name,
                Stopwatch.GetElapsedTime(started).TotalMilliseconds, renditions.Thumbnail.Length, renditions.Preview.Length);
            return renditions;
        }
        catch (InvalidDataException ex)
        {
            _logger.LogInformation(ex, "Refused a {Format} file that could not be decoded: {Reason}", inspection.Format, ex.Message);
            throw ImageRejectedException.Damaged(inspection.FileName, ex);
        }
        finally
        {
            _encodeSlots.Release();
        }
    }

    /// <summary>
    /// A PNG of exactly <paramref name="width"/> × <paramref name="height"/> from a stored original of the given format:
    /// orientation applied, scaled to cover and centre-cropped, never stretched. Shares the encode slots.
    /// </summary>
    /// <exception cref="ImageRejectedException">The file cannot be decoded.</exception>
    public async Task<byte[]> RenderFillAsync(string filePath, ImageFormat format, int width, int height, CancellationToken cancellationToken)
    {
        var engine = format == ImageFormat.Heic ? _heicEngine : _engine;
        await _encodeSlots.WaitAsync(cancellationToken);
        try
        {
            return await Task.Run(() => engine.RenderFill(filePath, width, height, cancellationToken), cancellationToken);
        }
        catch (InvalidDataException ex)
        {
            throw ImageRejectedException.Damaged(Path.GetFileName(filePath), ex);
        }
        finally
        {
            _encodeSlots.Release();
        }
    }

    /// <summary>The format of a stored original from its MIME type (null when it is not one the app stores).</summary>
    public static ImageFormat? FormatOf(string mimeType) => mimeType switch
    {
        "image/jpeg" => ImageFormat.Jpeg,
        "image/png" => ImageFormat.Png,
        "image/webp" => ImageFormat.WebP,
        "image/heic" => ImageFormat.Heic,
        _ => null,
    };
}
