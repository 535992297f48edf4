namespace PhotoGallery.Core.Photos;

public enum RetrievalStatus
{
    Pending,
    Completed,
    Failed,
}
