namespace PhotoGallery.Core.Photos;

public enum LibraryFilter
{
    All,
    Uploaded,
    Generated,
}
