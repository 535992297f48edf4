namespace PhotoGallery.Web.Components.Pages.Generate;

/// <summary>The img2img source the form shows: a library photo or an alternative ("2.3").</summary>
public sealed record SourceInfo(Guid PhotoId, int Width, int Height, string Label);
