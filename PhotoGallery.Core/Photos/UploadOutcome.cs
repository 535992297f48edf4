namespace PhotoGallery.Core.Photos;

/// <summary>How one uploaded file ended. <see cref="PhotoId"/> is the stored photo, or the existing one for a duplicate.</summary>
public sealed record UploadOutcome(UploadStatus Status, string FileName, Guid? PhotoId, string Message)
{
    public static UploadOutcome Stored(string fileName, Guid id) => new(UploadStatus.Stored, fileName, id, "Stored.");

    public static UploadOutcome Rejected(string fileName, string reason) => new(UploadStatus.Rejected, fileName, null, reason);
}
