namespace PhotoGallery.Core.Generation;

/// <summary>Where one alternative is: stored → queued → running → retrieving → done, or failed / canceled.</summary>
public enum AlternativeStatus
{
    /// <summary>Stored, not yet accepted by InvokeAI.</summary>
    Pending,
    Queued,
    Running,

    /// <summary>InvokeAI finished it; the image is being (or waits to be) downloaded and stored.</summary>
    Retrieving,
    Done,
    Failed,
    Canceled,
}
