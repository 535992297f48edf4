namespace PhotoGallery.Core.Sharing;

public class ShareLinkPhoto
{
    public Guid ShareLinkId { get; set; }
    public Guid PhotoId { get; set; }
    public int Position { get; set; }
}
