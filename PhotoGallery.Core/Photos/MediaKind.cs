namespace PhotoGallery.Core.Photos;

public enum MediaKind
{
    Thumbnail,
    Preview,
    Original,
}
