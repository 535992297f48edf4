namespace PhotoGallery.Core.Generation;

/// <summary>A step's status follows from its alternatives once it is enqueued.</summary>
public static class StepRules
{
    public static bool IsInFlight(this AlternativeStatus status) =>
        status is AlternativeStatus.Pending or AlternativeStatus.Queued or AlternativeStatus.Running or AlternativeStatus.Retrieving;

    public static bool IsInFlight(this StepStatus status) => status is StepStatus.Pending or StepStatus.Queued or StepStatus.Processing;

    /// <summary>
    /// Queued while nothing started, processing while anything is in flight; once all ended: completed when at least one
    /// image arrived, else canceled when the owner canceled, else failed.
    /// </summary>
    public static StepStatus Derive(IReadOnlyCollection<AlternativeStatus> alternatives)
    {
        if (alternatives.Count == 0 || alternatives.All(a => a == AlternativeStatus.Pending))
            return StepStatus.Pending;
        if (alternatives.All(a => a is AlternativeStatus.Pending or AlternativeStatus.Queued))
            return StepStatus.Queued;
        if (alternatives.Any(IsInFlight))
            return StepStatus.Processing;
        if (alternatives.Any(a => a == AlternativeStatus.Done))
            return StepStatus.Completed;
        return alternatives.Any(a => a == AlternativeStatus.Canceled) ? StepStatus.Canceled : StepStatus.Failed;
    }
}
