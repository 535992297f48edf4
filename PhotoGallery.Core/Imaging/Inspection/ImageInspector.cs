using PhotoGallery.Core.Photos;

namespace PhotoGallery.Core.Imaging.Inspection;

/// <summary>
/// The checks made before anything is stored, cheapest first: extension, byte size, magic bytes against the
/// extension, header dimensions. Pixels are never decoded here.
/// </summary>
internal sealed class ImageInspector(PhotoOptions photoOptions)
{
    private static readonly Dictionary<string, ImageFormat> AcceptedExtensions = new(StringComparer.OrdinalIgnoreCase)
    {
        [".jpg"] = ImageFormat.Jpeg,
        [".jpeg"] = ImageFormat.Jpeg,
        [".png"] = ImageFormat.Png,
        [".webp"] = ImageFormat.WebP,
        [".heic"] = ImageFormat.Heic,
    };

    public ImageInspection Inspect(string filePath, string displayName, CancellationToken cancellationToken)
    {
        var extension = Path.GetExtension(displayName);
        if (!AcceptedExtensions.TryGetValue(extension, out var claimed))
        {
            throw ImageRejectedException.UnsupportedExtension(displayName, extension);
        }

        using var stream = new FileStream(filePath, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 16 * 1024);
        var length = stream.Length;
        if (length == 0)
        {
            throw ImageRejectedException.Empty(displayName);
        }

        if (length > photoOptions.MaxUploadSize)
        {
            throw ImageRejectedException.TooLarge(displayName, length, photoOptions.MaxUploadSize);
        }

        var header = new byte[(int)Math.Min(ImageSniffer.HeaderLength, length)];
        stream.ReadExactly(header);
        var sniffed = ImageSniffer.Sniff(header);
        if (sniffed.Format != claimed)
        {
            throw ImageRejectedException.ContentMismatch(displayName, ImageFormats.DisplayName(claimed), sniffed.Description);
        }

        cancellationToken.ThrowIfCancellationRequested();
        stream.Position = 0;
        var facts = ReadHeader(claimed, header, stream, filePath, displayName);
        CheckDimensions(facts, displayName);

        var swapped = facts.Exif.Orientation is >= 5 and <= 8;
        return new ImageInspection(
            claimed,
            ImageFormats.MimeType(claimed),
            ImageFormats.Extension(claimed),
            facts.Width,
            facts.Height,
            swapped ? facts.Height : facts.Width,
            swapped ? facts.Width : facts.Height,
            facts.Exif.Orientation,
            facts.Exif.TakenAt,
            facts.Exif.CameraMake,
            facts.Exif.CameraModel)
        {
            FileName = displayName,
        };
    }

    private static HeaderFacts ReadHeader(ImageFormat format, byte[] header, Stream stream, string filePath, string displayName)
    {
        try
        {
            var facts = format switch
            {
                ImageFormat.Jpeg => ImageHeaderReader.ReadJpeg(stream),
                ImageFormat.Png => ImageHeaderReader.ReadPng(header),
                ImageFormat.WebP => ImageHeaderReader.ReadWebP(header, stream),
                ImageFormat.Heic => HeicHeaderReader.Read(filePath),
                _ => throw new ArgumentOutOfRangeException(nameof(format), format, "Unknown image format."),
            };
            return facts ?? throw ImageRejectedException.Damaged(displayName);
        }
        catch (Exception ex) when (ex is not ImageRejectedException and not OperationCanceledException)
        {
            // The header parsers meet hostile input: any failure inside them means the file cannot be read as its type.
            throw ImageRejectedException.Damaged(displayName, ex);
        }
    }

    private void CheckDimensions(HeaderFacts facts, string displayName)
    {
        if (facts.Width > photoOptions.MaxDimension || facts.Height > photoOptions.MaxDimension)
        {
            throw ImageRejectedException.TooBig(displayName, facts.Width, facts.Height, photoOptions.MaxDimension);
        }

        if (facts.Width < photoOptions.MinDimension || facts.Height < photoOptions.MinDimension)
        {
            throw ImageRejectedException.TooSmall(displayName, facts.Width, facts.Height, photoOptions.MinDimension);
        }
    }
}
