namespace PhotoGallery.Core.Sharing;

/// <summary>How long a new or edited share link stays open, counted from the moment it is saved.</summary>
public enum ShareExpiry
{
    ThirtyMinutes,
    OneHour,
    SixHours,
    OneDay,
    SevenDays,
    ThirtyDays,
    ThreeMonths,
    OneYear,
    Never,
}
