namespace PhotoGallery.Core.Generation;

public enum StepStatus
{
    Pending,
    Queued,
    Processing,
    Completed,
    Failed,
    Canceled,
}
