namespace PhotoGallery.Core.Albums;

/// <summary>A photo's membership of an album, at a position (0-based, dense).</summary>
public class AlbumPhoto
{
    public Guid AlbumId { get; set; }
    public Guid PhotoId { get; set; }
    public int Position { get; set; }
    public DateTime AddedAt { get; set; }

    public Album? Album { get; set; }
}
