namespace PhotoGallery.Core.Backends;

public enum PodStopReason
{
    User,
    Idle,
    Error,
}
