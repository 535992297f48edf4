namespace PhotoGallery.Core.Backends.InvokeAi;

public static class QueueItemStatusExtensions
{
    public static bool IsTerminal(this QueueItemStatus status) =>
        status is QueueItemStatus.Completed or QueueItemStatus.Failed or QueueItemStatus.Canceled;

    public static QueueItemStatus ParseQueueItemStatus(string? value) => value switch
    {
        "waiting" => QueueItemStatus.Waiting,
        "pending" => QueueItemStatus.Pending,
        "in_progress" => QueueItemStatus.InProgress,
        "completed" => QueueItemStatus.Completed,
        "failed" => QueueItemStatus.Failed,
        "canceled" => QueueItemStatus.Canceled,
        _ => QueueItemStatus.Unknown,
    };
}
