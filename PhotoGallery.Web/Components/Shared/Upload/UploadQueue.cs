using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Options;
using PhotoGallery.Core.Photos;

namespace PhotoGallery.Web.Components.Shared.Upload;

/// <summary>
/// The uploads of one browser tab (scoped = one Blazor circuit). It lives with the layout, so uploads go on while
/// the owner navigates within the app; files are processed with bounded parallelism (Photos:UploadParallelism).
/// </summary>
public sealed class UploadQueue(PhotoImporter importer, IOptions<PhotoOptions> options, ILogger<UploadQueue> logger) : IDisposable
{
    private readonly List<UploadItem> _items = [];
    private readonly SemaphoreSlim _slots = new(options.Value.UploadParallelism);
    private readonly CancellationTokenSource _lifetime = new();
    private long _lastNotify;

    /// <summary>Raised on every visible change (progress throttled).</summary>
    public event Action? Changed;

    /// <summary>Raised when a file has been stored, so open pages can show it.</summary>
    public event Action<Guid>? PhotoStored;

    /// <summary>Raised when someone asks for the upload panel (the Library's Upload button).</summary>
    public event Action? OpenRequested;

    public IReadOnlyList<UploadItem> Items
    {
        get
        {
            lock (_items)
                return [.. _items];
        }
    }

    public bool IsBusy => Items.Any(i => !i.IsFinished);

    public long MaxUploadSize => options.Value.MaxUploadSize;

    public void RequestOpen() => OpenRequested?.Invoke();

    public void Enqueue(IReadOnlyList<IBrowserFile> files)
    {
        var batch = files.Select(f => (File: f, Item: new UploadItem(f.Name, f.Size))).ToList();
        lock (_items)
            _items.AddRange(batch.Select(b => b.Item));
        Changed?.Invoke();
        foreach (var (file, item) in batch)
            _ = ProcessAsync(file, item);
    }

    /// <summary>Forgets finished rows (the photos stay in the library).</summary>
    public void ClearFinished()
    {
        lock (_items)
            _items.RemoveAll(i => i.IsFinished);
        Changed?.Invoke();
    }

    private async Task ProcessAsync(IBrowserFile file, UploadItem item)
    {
        var token = _lifetime.Token;
        try
        {
            await _slots.WaitAsync(token);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        try
        {
            item.State = UploadItemState.Uploading;
            Changed?.Invoke();
            UploadOutcome outcome;
            if (file.Size > MaxUploadSize)
            {
                // Refused before a byte is sent.
                outcome = await importer.ImportAsync(Stream.Null, file.Name, file.Size, token);
            }
            else
            {
                await using var stream = new ProgressStream(file.OpenReadStream(MaxUploadSize, token), read =>
                {
                    item.BytesRead = read;
                    NotifyThrottled();
                });
                outcome = await importer.ImportAsync(stream, file.Name, file.Size, token);
            }
            item.BytesRead = item.Size;
            item.Message = outcome.Message;
            item.PhotoId = outcome.PhotoId;
            item.State = outcome.Status switch
            {
                UploadStatus.Stored => UploadItemState.Stored,
                UploadStatus.Duplicate => UploadItemState.Duplicate,
                UploadStatus.Rejected => UploadItemState.Rejected,
                _ => UploadItemState.Failed,
            };
            if (outcome.Status is UploadStatus.Stored or UploadStatus.Duplicate && outcome.PhotoId is { } id)
                PhotoStored?.Invoke(id);
        }
        catch (OperationCanceledException)
        {
            item.State = UploadItemState.Canceled;
            item.Message = "Canceled: the page was closed.";
        }
        catch (Exception ex)
        {
            // A broken browser stream (tab reloaded, connection lost): the importer has already removed what it wrote.
            logger.LogWarning(ex, "Upload stream of a {FileExtension} file broke", Path.GetExtension(file.Name));
            item.State = UploadItemState.Failed;
            item.Message = $"{file.Name} could not be read from the browser ({ex.Message}). Nothing was kept; try again.";
        }
        finally
        {
            _slots.Release();
            Changed?.Invoke();
        }
    }

    private void NotifyThrottled()
    {
        var now = Environment.TickCount64;
        if (now - Interlocked.Read(ref _lastNotify) < 150)
            return;
        Interlocked.Exchange(ref _lastNotify, now);
        Changed?.Invoke();
    }

    public void Dispose()
    {
        _lifetime.Cancel();
        _lifetime.Dispose();
    }
}
