namespace PhotoGallery.Web.Components.Shared.Upload;

public enum UploadItemState
{
    Waiting,
    Uploading,
    Stored,
    Duplicate,
    Rejected,
    Failed,
    Canceled,
}
