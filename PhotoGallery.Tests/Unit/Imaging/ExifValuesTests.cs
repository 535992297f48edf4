using PhotoGallery.Core.Imaging.Inspection;

namespace PhotoGallery.Tests.Unit.Imaging;

public sealed class ExifValuesTests
{
    [Theory]
    [InlineData("2023:07:14 10:20:30", null, "2023-07-14T10:20:30")]
    [InlineData("2023:07:14 10:20:30", "+02:00", "2023-07-14T08:20:30")]
    [InlineData("2023:07:14 01:20:30", "+02:00", "2023-07-13T23:20:30")]
    [InlineData("2023:07:14 10:20:30", "-05:30", "2023-07-14T15:50:30")]
    [InlineData("2023:07:14 10:20:30\0", "garbage", "2023-07-14T10:20:30")]
    public void ParseTakenAt_ValidDate_ReturnsUtc(string dateTime, string? offset, string expected)
    {
        var takenAt = ExifValues.ParseTakenAt(dateTime, offset);

        Assert.Equal(DateTime.SpecifyKind(DateTime.Parse(expected, System.Globalization.CultureInfo.InvariantCulture), DateTimeKind.Utc), takenAt);
        Assert.Equal(DateTimeKind.Utc, takenAt!.Value.Kind);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("0000:00:00 00:00:00")]
    [InlineData("    :  :     :  :  ")]
    [InlineData("2023-07-14T10:20:30")]
    public void ParseTakenAt_BlankOrInvalid_ReturnsNull(string? dateTime)
    {
        Assert.Null(ExifValues.ParseTakenAt(dateTime, null));
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(1, 1)]
    [InlineData(8, 8)]
    [InlineData(9, null)]
    public void ParseOrientation_Value_KeepsOnlyOneToEight(int value, int? expected)
    {
        Assert.Equal(expected, ExifValues.ParseOrientation(value));
    }

    [Fact]
    public void CleanText_PaddedOrLong_TrimsAndCaps()
    {
        Assert.Equal("Canon", ExifValues.CleanText("  Canon\0\0"));
        Assert.Null(ExifValues.CleanText(" \0 "));
        Assert.Equal(128, ExifValues.CleanText(new string('x', 500))!.Length);
    }
}
