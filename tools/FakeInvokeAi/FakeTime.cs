using System.Globalization;

namespace FakeInvokeAi;

/// <summary>InvokeAI's wire timestamps: SQLite's raw UTC text with a space and milliseconds (reference §0).</summary>
public static class FakeTime
{
    public static string Format(DateTime utc) => utc.ToString("yyyy-MM-dd HH:mm:ss.fff", CultureInfo.InvariantCulture);

    public static long Unix(DateTime utc) => new DateTimeOffset(utc).ToUnixTimeSeconds();
}
