using System.ComponentModel.DataAnnotations;

namespace PhotoGallery.Core.Photos;

public sealed class PhotoOptions
{
    public const string SectionName = "Photos";

    /// <summary>Largest accepted upload, in bytes (env MAX_UPLOAD_SIZE also takes 20MB, 500KB, 1GB).</summary>
    [Range(1, 2L * 1024 * 1024 * 1024, ErrorMessage = "Photos:MaxUploadSize (MAX_UPLOAD_SIZE) must be between 1 byte and 2 GB.")]
    public long MaxUploadSize { get; set; } = 20L * 1024 * 1024;

    [Range(1, 65535, ErrorMessage = "Photos:MinDimension must be between 1 and 65535 pixels.")]
    public int MinDimension { get; set; } = 100;

    [Range(1, 65535, ErrorMessage = "Photos:MaxDimension must be between 1 and 65535 pixels.")]
    public int MaxDimension { get; set; } = 8192;

    /// <summary>Days a deleted photo stays in Trash; 0 deletes at once.</summary>
    [Range(0, 3650, ErrorMessage = "Photos:TrashRetentionDays must be between 0 and 3650.")]
    public int TrashRetentionDays { get; set; } = 30;

    /// <summary>How many uploads of one batch are processed at the same time.</summary>
    [Range(1, 32, ErrorMessage = "Photos:UploadParallelism must be between 1 and 32.")]
    public int UploadParallelism { get; set; } = 2;
}
