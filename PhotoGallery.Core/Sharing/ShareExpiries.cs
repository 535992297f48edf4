namespace PhotoGallery.Core.Sharing;

public static class ShareExpiries
{
    public const ShareExpiry Default = ShareExpiry.ThirtyDays;

    /// <summary>Every choice, shortest first, as the dialogs offer them.</summary>
    public static IReadOnlyList<ShareExpiry> All { get; } = Enum.GetValues<ShareExpiry>();

    /// <summary>When a link saved at <paramref name="now"/> with this choice expires; null for <see cref="ShareExpiry.Never"/>.</summary>
    public static DateTime? ExpiresAt(this ShareExpiry expiry, DateTime now) => expiry switch
    {
        ShareExpiry.ThirtyMinutes => now.AddMinutes(30),
        ShareExpiry.OneHour => now.AddHours(1),
        ShareExpiry.SixHours => now.AddHours(6),
        ShareExpiry.OneDay => now.AddDays(1),
        ShareExpiry.SevenDays => now.AddDays(7),
        ShareExpiry.ThirtyDays => now.AddDays(30),
        ShareExpiry.ThreeMonths => now.AddMonths(3),
        ShareExpiry.OneYear => now.AddYears(1),
        ShareExpiry.Never => null,
        _ => throw new ArgumentOutOfRangeException(nameof(expiry), expiry, "Unknown expiry choice."),
    };

    public static string Label(this ShareExpiry expiry) => expiry switch
    {
        ShareExpiry.ThirtyMinutes => "30 minutes",
        ShareExpiry.OneHour => "1 hour",
        ShareExpiry.SixHours => "6 hours",
        ShareExpiry.OneDay => "1 day",
        ShareExpiry.SevenDays => "7 days",
        ShareExpiry.ThirtyDays => "30 days",
        ShareExpiry.ThreeMonths => "3 months",
        ShareExpiry.OneYear => "1 year",
        ShareExpiry.Never => "Never",
        _ => expiry.ToString(),
    };
}
