namespace PhotoGallery.Core.Photos;

public enum UploadStatus
{
    Stored,
    Duplicate,
    Rejected,
    Failed,
}
