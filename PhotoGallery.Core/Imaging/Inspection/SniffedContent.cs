namespace PhotoGallery.Core.Imaging.Inspection;

/// <summary>What a file's first bytes say it is: an accepted <see cref="Format"/>, or only a description.</summary>
internal sealed record SniffedContent(ImageFormat? Format, string Description);
