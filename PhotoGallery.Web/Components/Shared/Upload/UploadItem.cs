namespace PhotoGallery.Web.Components.Shared.Upload;

/// <summary>One file of an upload batch, as the upload panel shows it.</summary>
public sealed class UploadItem(string fileName, long size)
{
    public Guid Key { get; } = Guid.NewGuid();
    public string FileName { get; } = fileName;
    public long Size { get; } = size;
    public UploadItemState State { get; set; } = UploadItemState.Waiting;
    public long BytesRead { get; set; }
    public string? Message { get; set; }
    public Guid? PhotoId { get; set; }

    public double Percent => Size == 0 ? 0 : Math.Min(100, 100.0 * BytesRead / Size);

    public bool IsFinished => State is not (UploadItemState.Waiting or UploadItemState.Uploading);
}
