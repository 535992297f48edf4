namespace PhotoGallery.Core.Storage;

/// <summary>
/// The files under the data root. Callers pass relative paths built by <see cref="StoragePaths"/>;
/// every path is checked to stay inside the root, and every write is atomic.
/// </summary>
public interface IPhotoStore
{
    string Root { get; }

    /// <summary>The absolute path of a relative one; throws <see cref="StoragePathException"/> outside the root.</summary>
    string GetFullPath(string relativePath);

    bool Exists(string relativePath);

    Stream OpenRead(string relativePath);

    /// <summary>Writes to a temp file in the same folder, flushes it to disk, then renames it into place.</summary>
    Task WriteAtomicallyAsync(string relativePath, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken);

    Task WriteAtomicallyAsync(string relativePath, Stream content, CancellationToken cancellationToken);

    /// <summary>A new, empty temp file under the data root for an incoming upload; removed by <see cref="RemoveStaleTempFiles"/> if abandoned.</summary>
    string CreateIncomingTempFile();

    /// <summary>Renames a finished temp file (already flushed) into place, atomically.</summary>
    void CommitTempFile(string tempFullPath, string relativePath);

    /// <summary>Deletes a temp file if it exists (cleanup after a rejected or failed upload).</summary>
    void DeleteTempFile(string tempFullPath);

    Task CopyAsync(string fromRelativePath, string toRelativePath, CancellationToken cancellationToken);

    /// <summary>
    /// Gives a stored file a second name: a hard link where the file system allows (no extra space), else an atomic
    /// copy. Returns true for a hard link.
    /// </summary>
    Task<bool> LinkOrCopyAsync(string fromRelativePath, string toRelativePath, CancellationToken cancellationToken);

    /// <summary>Deletes the file if it exists, and the folders it leaves empty up to the layout's fixed folders.</summary>
    void Delete(string relativePath);

    /// <summary>Creates the layout and proves the root is writable; throws with the key to fix when it is not.</summary>
    void EnsureWritable();

    /// <summary>Removes temp files left by an interrupted write; returns how many.</summary>
    int RemoveStaleTempFiles(TimeSpan olderThan);
}
