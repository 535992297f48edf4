namespace PhotoGallery.Core.Generation;

/// <summary>pending → queued → processing → completed | failed | canceled (derived from the alternatives once enqueued).</summary>
public enum StepStatus
{
    Pending,
    Queued,
    Processing,
    Completed,
    Failed,
    Canceled,
}
