namespace PhotoGallery.Core.Models;

/// <summary>When the model cache was last refreshed and why the last attempt failed, for the Models page.</summary>
public sealed class ModelRefreshState
{
    private readonly Lock _lock = new();
    private ModelRefreshSnapshot _snapshot = new(null, null, null);

    public ModelRefreshSnapshot Current
    {
        get
        {
            lock (_lock)
                return _snapshot;
        }
    }

    public void Succeeded(DateTime at, int modelCount)
    {
        lock (_lock)
            _snapshot = new ModelRefreshSnapshot(at, modelCount, null);
    }

    public void Failed(string error)
    {
        lock (_lock)
            _snapshot = _snapshot with { LastError = error };
    }
}
