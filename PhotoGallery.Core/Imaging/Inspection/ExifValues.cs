using System.Globalization;

namespace PhotoGallery.Core.Imaging.Inspection;

/// <summary>Normalises raw EXIF strings, whichever library read them.</summary>
internal static class ExifValues
{
    public const int TagMake = 0x010F;
    public const int TagModel = 0x0110;
    public const int TagOrientation = 0x0112;
    public const int TagDateTimeOriginal = 0x9003;
    public const int TagDateTimeDigitized = 0x9004;
    public const int TagOffsetTimeOriginal = 0x9011;
    public const int TagOffsetTimeDigitized = 0x9012;

    private const int MaxTextLength = 128;

    /// <summary>
    /// EXIF "yyyy:MM:dd HH:mm:ss" has no zone: the offset tag ("+02:00") converts it to UTC when present,
    /// otherwise the value is taken as UTC. Blank or impossible dates ("0000:00:00 00:00:00") give null.
    /// </summary>
    public static DateTime? ParseTakenAt(string? dateTime, string? offset)
    {
        if (string.IsNullOrWhiteSpace(dateTime) ||
            !DateTime.TryParseExact(dateTime.Trim().TrimEnd('\0'), "yyyy:MM:dd HH:mm:ss", CultureInfo.InvariantCulture,
                DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var taken))
        {
            return null;
        }

        var cleanOffset = offset?.Trim().TrimEnd('\0');
        if (!string.IsNullOrEmpty(cleanOffset) &&
            TimeSpan.TryParseExact(cleanOffset.TrimStart('+', '-'), @"hh\:mm", CultureInfo.InvariantCulture, out var span) &&
            span <= TimeSpan.FromHours(14))
        {
            taken = cleanOffset.StartsWith('-') ? taken + span : taken - span;
        }

        return DateTime.SpecifyKind(taken, DateTimeKind.Utc);
    }

    public static int? ParseOrientation(int? value) => value is >= 1 and <= 8 ? value : null;

    public static string? CleanText(string? value)
    {
        var cleaned = value is null ? null : new string(value.Where(c => !char.IsControl(c)).ToArray()).Trim();
        if (string.IsNullOrEmpty(cleaned))
        {
            return null;
        }

        return cleaned.Length <= MaxTextLength ? cleaned : cleaned[..MaxTextLength];
    }
}
