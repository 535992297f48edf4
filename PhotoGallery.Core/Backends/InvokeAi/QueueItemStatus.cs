namespace PhotoGallery.Core.Backends.InvokeAi;

/// <summary>Queue item states (reference §4.3, §4.7; <c>waiting</c> is v6.14+).</summary>
public enum QueueItemStatus
{
    Unknown,
    Waiting,
    Pending,
    InProgress,
    Completed,
    Failed,
    Canceled,
}
