namespace PhotoGallery.Core.Albums;

public enum AlbumSort
{
    Name,
    Date,
    RecentlyChanged,
}
