using System.Globalization;
using PhotoGallery.Core.Common;

namespace PhotoGallery.Core.Imaging;

/// <summary>An uploaded file that is not accepted; <see cref="Exception.Message"/> names the file and the reason.</summary>
public sealed class ImageRejectedException : UserFacingException
{
    public ImageRejectedException(string fileName, ImageRejectionReason reason, string message)
        : base(message)
    {
        FileName = fileName;
        Reason = reason;
    }

    public ImageRejectedException(string fileName, ImageRejectionReason reason, string message, Exception innerException)
        : base(message, innerException)
    {
        FileName = fileName;
        Reason = reason;
    }

    /// <summary>The client's file name as echoed in the message (control characters removed).</summary>
    public string FileName { get; }

    public ImageRejectionReason Reason { get; }

    internal static ImageRejectedException UnsupportedExtension(string name, string extension) =>
        new(name, ImageRejectionReason.UnsupportedExtension, extension.Length == 0
            ? $"{name} has no file extension; accepted types are JPEG (.jpg, .jpeg), PNG (.png), WebP (.webp) and HEIC (.heic)."
            : $"{name} is not a supported image type ({extension}); accepted types are JPEG (.jpg, .jpeg), PNG (.png), WebP (.webp) and HEIC (.heic).");

    internal static ImageRejectedException Empty(string name) =>
        new(name, ImageRejectionReason.Empty, $"{name} is empty (0 bytes).");

    internal static ImageRejectedException TooLarge(string name, long size, long maxSize)
    {
        // Just over the limit, rounded sizes would read "20.0 MB; the largest is 20 MB": show exact bytes then.
        var (actual, limit) = FormatSize(size) == FormatSize(maxSize) || size - maxSize < 100 * 1024
            ? (string.Create(CultureInfo.InvariantCulture, $"{size:N0} bytes"), string.Create(CultureInfo.InvariantCulture, $"{maxSize:N0} bytes"))
            : (FormatSize(size), FormatSize(maxSize));
        return new(name, ImageRejectionReason.TooLarge, $"{name} is {actual}; the largest accepted upload is {limit}.");
    }

    internal static ImageRejectedException ContentMismatch(string name, string expected, string actual) =>
        new(name, ImageRejectionReason.ContentMismatch, $"{name} is not a {expected} image: its content is {actual}.");

    internal static ImageRejectedException TooSmall(string name, int width, int height, int minDimension) =>
        new(name, ImageRejectionReason.DimensionsTooSmall,
            $"{name} is {width} × {height} pixels; the smallest accepted side is {minDimension}.");

    internal static ImageRejectedException TooBig(string name, int width, int height, int maxDimension) =>
        new(name, ImageRejectionReason.DimensionsTooLarge,
            $"{name} is {width} × {height} pixels; the largest accepted side is {maxDimension}.");

    internal static ImageRejectedException Damaged(string name, Exception? innerException = null)
    {
        var message = $"{name} is damaged or incomplete and cannot be read.";
        return innerException is null
            ? new(name, ImageRejectionReason.Damaged, message)
            : new(name, ImageRejectionReason.Damaged, message, innerException);
    }

    /// <summary>The client's name made safe to echo: control characters dropped, long names shortened.</summary>
    internal static string ToDisplayName(string originalFileName)
    {
        var cleaned = new string(originalFileName.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (cleaned.Length == 0)
        {
            return "The file";
        }

        // Shortened in the middle so the extension, which decides the accepted type, survives.
        return cleaned.Length <= 255 ? cleaned : string.Concat(cleaned.AsSpan(0, 200), "…", cleaned.AsSpan(cleaned.Length - 40));
    }

    private static string FormatSize(long bytes)
    {
        const double megabyte = 1024 * 1024;
        if (bytes >= megabyte)
        {
            var mb = bytes / megabyte;
            return mb == Math.Floor(mb)
                ? string.Create(CultureInfo.InvariantCulture, $"{mb:0} MB")
                : string.Create(CultureInfo.InvariantCulture, $"{mb:0.0} MB");
        }

        return bytes >= 1024
            ? string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB")
            : string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes");
    }
}
