using System.Globalization;

namespace PhotoGallery.Web.Components.Shared.Sharing;

public static class RelativeTime
{
    /// <summary>"in 3 days", "5 minutes ago", "just now": readable without knowing the viewer's time zone.</summary>
    public static string Describe(DateTime utc, DateTime now)
    {
        var span = utc - now;
        var future = span > TimeSpan.Zero;
        var size = span.Duration();
        if (size < TimeSpan.FromMinutes(1))
            return future ? "in under a minute" : "just now";
        var text = size switch
        {
            _ when size < TimeSpan.FromHours(1) => Plural((int)size.TotalMinutes, "minute"),
            _ when size < TimeSpan.FromDays(1) => Plural((int)size.TotalHours, "hour"),
            // Rounded from a day up, so a link made for 30 days reads "in 30 days", not "in 29 days".
            _ when size < TimeSpan.FromDays(60) => Plural(Round(size.TotalDays), "day"),
            _ when size < TimeSpan.FromDays(364) => Plural(Round(size.TotalDays / 30.44), "month"),
            _ => Plural(Round(size.TotalDays / 365.25), "year"),
        };
        return future ? "in " + text : text + " ago";
    }

    /// <summary>The exact time, for a tooltip.</summary>
    public static string Exact(DateTime utc) => utc.ToString("d MMM yyyy, HH:mm 'UTC'", CultureInfo.InvariantCulture);

    private static int Round(double value) => (int)Math.Round(value, MidpointRounding.AwayFromZero);

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
