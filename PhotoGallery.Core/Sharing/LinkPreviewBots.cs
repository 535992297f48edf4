namespace PhotoGallery.Core.Sharing;

/// <summary>Crawlers that fetch a link to draw a preview card or index it; their visits are not counted as views.</summary>
public static class LinkPreviewBots
{
    private static readonly string[] Markers =
    [
        "Slackbot", "Slack-ImgProxy", "facebookexternalhit", "Facebot", "Twitterbot", "Discordbot", "WhatsApp",
        "TelegramBot", "LinkedInBot", "Googlebot", "bingbot", "Applebot", "redditbot", "SkypeUriPreview",
        "Mastodon", "Pinterestbot", "Embedly", "vkShare", "Iframely", "YandexBot", "DuckDuckBot", "Baiduspider",
        "Snapchat", "Viber", "ZoominfoBot", "Google-InspectionTool", "bot/", "crawler", "spider",
    ];

    public static bool IsBot(string? userAgent) =>
        !string.IsNullOrWhiteSpace(userAgent) && Markers.Any(m => userAgent.Contains(m, StringComparison.OrdinalIgnoreCase));
}
