using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhotoGallery.Core.Common;

namespace PhotoGallery.Core.Storage;

public sealed class FileSystemPhotoStore(IOptions<StorageOptions> options, ILogger<FileSystemPhotoStore> logger) : IPhotoStore
{
    private const string TempSuffix = ".pgtmp";

    public string Root { get; } = EnsureTrailingSeparator(options.Value.FullRoot);

    public string GetFullPath(string relativePath)
    {
        if (string.IsNullOrWhiteSpace(relativePath) || Path.IsPathRooted(relativePath) || relativePath.Contains('\0'))
            throw new StoragePathException("A stored path must be a non-empty relative path.");
        var full = Path.GetFullPath(Path.Combine(Root, relativePath));
        if (!full.StartsWith(Root, StringComparison.Ordinal) || full.Length == Root.Length)
            throw new StoragePathException("A stored path must stay inside the data root.");
        return full;
    }

    public bool Exists(string relativePath) => File.Exists(GetFullPath(relativePath));

    public Stream OpenRead(string relativePath) =>
        new FileStream(GetFullPath(relativePath), FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);

    public Task WriteAtomicallyAsync(string relativePath, Stream content, CancellationToken cancellationToken) =>
        WriteAtomicallyAsync(relativePath, (target, ct) => content.CopyToAsync(target, ct), cancellationToken);

    public async Task WriteAtomicallyAsync(string relativePath, Func<Stream, CancellationToken, Task> write, CancellationToken cancellationToken)
    {
        var full = GetFullPath(relativePath);
        var folder = Path.GetDirectoryName(full)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(full)}.{Guid.NewGuid():N}{TempSuffix}");
        try
        {
            await using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, 64 * 1024, FileOptions.Asynchronous))
            {
                await write(stream, cancellationToken);
                await stream.FlushAsync(cancellationToken);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    public string CreateIncomingTempFile()
    {
        var folder = GetFullPath(StoragePaths.Incoming);
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $".upload-{Guid.NewGuid():N}{TempSuffix}");
        File.Create(path).Dispose();
        return path;
    }

    public void CommitTempFile(string tempFullPath, string relativePath)
    {
        EnsureTempFile(tempFullPath);
        var full = GetFullPath(relativePath);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        File.Move(tempFullPath, full, overwrite: false);
    }

    public void DeleteTempFile(string tempFullPath)
    {
        EnsureTempFile(tempFullPath);
        TryDelete(tempFullPath);
    }

    private void EnsureTempFile(string tempFullPath)
    {
        if (!Path.GetFullPath(tempFullPath).StartsWith(Root, StringComparison.Ordinal) || !tempFullPath.EndsWith(TempSuffix, StringComparison.Ordinal))
            throw new StoragePathException("Not a temp file of this data root.");
    }

    public async Task CopyAsync(string fromRelativePath, string toRelativePath, CancellationToken cancellationToken)
    {
        await using var source = OpenRead(fromRelativePath);
        await WriteAtomicallyAsync(toRelativePath, source, cancellationToken);
    }

    public async Task<bool> LinkOrCopyAsync(string fromRelativePath, string toRelativePath, CancellationToken cancellationToken)
    {
        var from = GetFullPath(fromRelativePath);
        var to = GetFullPath(toRelativePath);
        var folder = Path.GetDirectoryName(to)!;
        Directory.CreateDirectory(folder);
        var temp = Path.Combine(folder, $".{Path.GetFileName(to)}.{Guid.NewGuid():N}{TempSuffix}");
        if (HardLinks.TryCreate(from, temp))
        {
            try
            {
                File.Move(temp, to, overwrite: true);
                return true;
            }
            catch
            {
                TryDelete(temp);
                throw;
            }
        }
        logger.LogDebug("No hard link possible from {From} to {To}; copying", fromRelativePath, toRelativePath);
        await CopyAsync(fromRelativePath, toRelativePath, cancellationToken);
        return false;
    }

    public void Delete(string relativePath)
    {
        var full = GetFullPath(relativePath);
        if (File.Exists(full))
            File.Delete(full);

        var keep = StoragePaths.FixedFolders.Select(f => Path.TrimEndingDirectorySeparator(GetFullPath(f))).ToHashSet();
        for (var folder = Path.GetDirectoryName(full); folder is not null && folder.StartsWith(Root, StringComparison.Ordinal)
             && !keep.Contains(folder) && folder.Length > Root.Length; folder = Path.GetDirectoryName(folder))
        {
            if (Directory.EnumerateFileSystemEntries(folder).Any())
                break;
            Directory.Delete(folder);
        }
    }

    public void EnsureWritable()
    {
        var configured = options.Value.Root;
        try
        {
            Directory.CreateDirectory(Root);
            foreach (var folder in StoragePaths.FixedFolders)
                Directory.CreateDirectory(GetFullPath(folder));
            var probe = Path.Combine(Root, $".write-probe-{Guid.NewGuid():N}{TempSuffix}");
            File.WriteAllText(probe, "ok");
            File.Delete(probe);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new StartupException(
                $"Storage:Root '{configured}' (resolved to {Root}) is not a writable folder: {ex.Message} " +
                "Set Storage:Root (env Storage__Root) to a folder this user can write.", ex);
        }
    }

    public int RemoveStaleTempFiles(TimeSpan olderThan)
    {
        if (!Directory.Exists(Root))
            return 0;
        var cutoff = DateTime.UtcNow - olderThan;
        var removed = 0;
        foreach (var file in Directory.EnumerateFiles(Root, "*" + TempSuffix, SearchOption.AllDirectories))
        {
            if (File.GetLastWriteTimeUtc(file) > cutoff)
                continue;
            if (TryDelete(file))
                removed++;
        }
        return removed;
    }

    private bool TryDelete(string path)
    {
        try
        {
            File.Delete(path);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Safe to leave: a temp file is never referenced by a row, and the next start-up tries again.
            logger.LogWarning(ex, "Could not remove temp file {TempFile}", path);
            return false;
        }
    }

    private static string EnsureTrailingSeparator(string path) =>
        Path.EndsInDirectorySeparator(path) ? path : path + Path.DirectorySeparatorChar;
}
