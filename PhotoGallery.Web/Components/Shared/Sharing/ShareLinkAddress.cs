namespace PhotoGallery.Web.Components.Shared.Sharing;

public static class ShareLinkAddress
{
    /// <summary>The public address of a link: under Sharing:ExternalBaseUrl when configured, else the app's own base URI.</summary>
    public static string For(string token, string? externalBaseUrl, string baseUri)
    {
        var root = string.IsNullOrWhiteSpace(externalBaseUrl) ? baseUri : externalBaseUrl;
        return root.TrimEnd('/') + "/s/" + token;
    }
}
