namespace PhotoGallery.Core.Backends;

public enum BackendMode
{
    Local,
    RunPod,
}
