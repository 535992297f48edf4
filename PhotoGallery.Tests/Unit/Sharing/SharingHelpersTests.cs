using PhotoGallery.Core.Sharing;
using PhotoGallery.Web.Components.Shared.Sharing;

namespace PhotoGallery.Tests.Unit.Sharing;

public sealed class SharingHelpersTests
{
    [Theory]
    [InlineData("https://photos.example.com", "http://127.0.0.1:5080/", "https://photos.example.com/s/TOKEN")]
    [InlineData("https://photos.example.com/gallery/", "http://127.0.0.1:5080/", "https://photos.example.com/gallery/s/TOKEN")]
    [InlineData("", "http://127.0.0.1:5080/", "http://127.0.0.1:5080/s/TOKEN")]
    [InlineData(null, "http://192.168.1.20:5080/", "http://192.168.1.20:5080/s/TOKEN")]
    public void ShareLinkAddress_ExternalBaseUrlSetOrNot_UsesItElseTheAppsOwnAddress(string? external, string baseUri, string expected)
    {
        Assert.Equal(expected, ShareLinkAddress.For("TOKEN", external, baseUri));
    }

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(-5, "5 minutes ago")]
    [InlineData(90, "in 1 hour")]
    [InlineData(29 * 24 * 60 + 1380, "in 30 days")]
    [InlineData(-3 * 24 * 60, "3 days ago")]
    [InlineData(92 * 24 * 60, "in 3 months")]
    [InlineData(365 * 24 * 60, "in 1 year")]
    public void RelativeTime_Describe_ReadsNaturally(int minutesFromNow, string expected)
    {
        var now = new DateTime(2026, 11, 25, 12, 0, 0, DateTimeKind.Utc);

        Assert.Equal(expected, RelativeTime.Describe(now.AddMinutes(minutesFromNow), now));
    }

    [Theory]
    [InlineData("Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36", false)]
    [InlineData("Mozilla/5.0 (iPhone; CPU iPhone OS 17_5 like Mac OS X) AppleWebKit/605.1.15 Version/17.5 Mobile Safari/604.1", false)]
    [InlineData(null, false)]
    [InlineData("Slackbot-LinkExpanding 1.0 (+https://api.slack.com/robots)", true)]
    [InlineData("WhatsApp/2.23.20.0 A", true)]
    [InlineData("Mozilla/5.0 (compatible; Googlebot/2.1; +http://www.google.com/bot.html)", true)]
    public void LinkPreviewBots_IsBot_TellsCrawlersFromBrowsers(string? userAgent, bool expected)
    {
        Assert.Equal(expected, LinkPreviewBots.IsBot(userAgent));
    }

    [Fact]
    public void ShareTokens_IsWellFormed_AcceptsOnlyTokenShapedStrings()
    {
        Assert.True(ShareTokens.IsWellFormed(ShareTokens.Create()));
        Assert.False(ShareTokens.IsWellFormed(null));
        Assert.False(ShareTokens.IsWellFormed(new string('a', 42)));
        Assert.False(ShareTokens.IsWellFormed(new string('a', 42) + "="));
        Assert.False(ShareTokens.IsWellFormed(new string('a', 42) + "/"));
    }
}
