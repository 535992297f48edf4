namespace PhotoGallery.Core.Albums;

public class Album
{
    public Guid Id { get; set; } = Guid.CreateVersion7();
    public required string Title { get; set; }
    public string? Description { get; set; }

    /// <summary>The chosen cover; when null the first photo in album order is the cover.</summary>
    public Guid? CoverPhotoId { get; set; }

    public DateTime CreatedAt { get; set; }
    public DateTime UpdatedAt { get; set; }

    public List<AlbumPhoto> Photos { get; set; } = [];
}
