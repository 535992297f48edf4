namespace PhotoGallery.Core.Generation;

public enum SessionStatus
{
    Active,
    Completed,
    Abandoned,
}
