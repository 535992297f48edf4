namespace PhotoGallery.Core.Sharing;

public sealed class SharingOptions
{
    public const string SectionName = "Sharing";

    /// <summary>Base URL that share links are shown with (e.g. https://photos.example.com); empty = the request's own.</summary>
    public string? ExternalBaseUrl { get; set; }
}
