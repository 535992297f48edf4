using PhotoGallery.Core.Storage;

namespace PhotoGallery.Core.Photos;

/// <summary>
/// Uploads: the owner's files through <see cref="PhotoIngest"/>, de-duplicated by content, filed under the day they
/// were taken (else the day they arrived).
/// </summary>
public sealed class PhotoImporter(PhotoIngest ingest)
{
    public Task<UploadOutcome> ImportAsync(Stream content, string fileName, long? declaredSize, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        return ingest.IngestAsync(content, new IngestRequest
        {
            FileName = DisplayName(fileName),
            DeclaredSize = declaredSize,
            PhotoId = id,
            Deduplicate = true,
            OriginalPath = (inspection, now) =>
                StoragePaths.UploadedOriginal(id, DateOnly.FromDateTime(inspection.TakenAt ?? now), inspection.Extension),
        }, cancellationToken);
    }

    /// <summary>The client's name, for display only: its last path segment, trimmed, at most 255 characters.</summary>
    public static string DisplayName(string fileName)
    {
        var name = fileName.Replace('\\', '/');
        name = name[(name.LastIndexOf('/') + 1)..].Trim();
        if (name.Length == 0)
            name = "unnamed";
        return name.Length > 255 ? name[..255] : name;
    }

    public static string FormatSize(long bytes) => bytes switch
    {
        >= 1024 * 1024 => $"{bytes / (1024.0 * 1024):0.#} MB",
        >= 1024 => $"{bytes / 1024.0:0.#} KB",
        _ => $"{bytes} bytes",
    };
}
