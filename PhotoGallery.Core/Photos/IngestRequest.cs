using PhotoGallery.Core.Data;
using PhotoGallery.Core.Imaging;

namespace PhotoGallery.Core.Photos;

/// <summary>What <see cref="PhotoIngest"/> needs besides the bytes: the name, where the original goes, what else the row says.</summary>
public sealed record IngestRequest
{
    /// <summary>The name shown for the photo (and in messages); its extension must match the content.</summary>
    public required string FileName { get; init; }

    /// <summary>The size the sender announced, to refuse an oversized file before reading it.</summary>
    public long? DeclaredSize { get; init; }

    public Guid PhotoId { get; init; } = Guid.CreateVersion7();

    /// <summary>The original's relative path, from the inspection and the current time (UTC).</summary>
    public required Func<ImageInspection, DateTime, string> OriginalPath { get; init; }

    /// <summary>True for uploads: the same bytes already in the library (or Trash) are not stored twice.</summary>
    public bool Deduplicate { get; init; }

    /// <summary>Fills what the caller knows about the photo (generated images: recipe, lineage, InvokeAI's name).</summary>
    public Action<Photo>? Describe { get; init; }

    /// <summary>The caller's own rows, written in the same transaction as the photo's row.</summary>
    public Func<GalleryDbContext, CancellationToken, Task>? InSameTransaction { get; init; }
}
