using System.Globalization;
using PhotoGallery.Core.Sharing;

namespace PhotoGallery.Web.Components.Pages.Share;

public static class ShareDates
{
    /// <summary>"14 Jul 2023", or "14 Jul 2023 – 2 Aug 2024" over the photos' dates; null for none.</summary>
    public static string? Range(IReadOnlyList<SharedPhoto> photos)
    {
        if (photos.Count == 0)
            return null;
        var first = DateOnly.FromDateTime(photos.Min(p => p.SortKey));
        var last = DateOnly.FromDateTime(photos.Max(p => p.SortKey));
        return first == last ? Format(first) : $"{Format(first)} – {Format(last)}";
    }

    public static string Format(DateOnly day) => day.ToString("d MMM yyyy", CultureInfo.InvariantCulture);

    public static string Format(DateTime time) => time.ToString("d MMM yyyy, HH:mm", CultureInfo.InvariantCulture) + " UTC";
}
