using System.ComponentModel.DataAnnotations;

namespace PhotoGallery.Core.Storage;

public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>The data root: photos, thumbnails, previews, the SQLite file and logs. Relative to the working directory.</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "Storage:Root must name a folder (default: data).")]
    public string Root { get; set; } = "data";

    /// <summary>Temp files older than this are removed at start-up (younger ones may belong to a running write).</summary>
    [Range(0, 10080, ErrorMessage = "Storage:StaleTempFileMinutes must be between 0 and 10080.")]
    public int StaleTempFileMinutes { get; set; } = 0;

    public string FullRoot => Path.GetFullPath(Root);
}
