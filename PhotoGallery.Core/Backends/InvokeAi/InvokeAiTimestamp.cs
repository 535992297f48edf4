using System.Globalization;

namespace PhotoGallery.Core.Backends.InvokeAi;

/// <summary>
/// InvokeAI sends SQLite's raw UTC text (<c>2026-08-13 10:11:12.345</c>) and sometimes ISO 8601 with <c>T</c>
/// (reference §0): both parse, a missing zone means UTC.
/// </summary>
public static class InvokeAiTimestamp
{
    public static DateTime? Parse(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
            return null;
        var text = value.Trim().Replace(' ', 'T');
        return DateTime.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
            ? DateTime.SpecifyKind(parsed, DateTimeKind.Utc)
            : null;
    }
}
