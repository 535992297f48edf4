using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PhotoGallery.Core.Common;
using PhotoGallery.Core.Storage;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Unit.Storage;

public sealed class FileSystemPhotoStoreTests : IDisposable
{
    private readonly string _root = RepoPaths.NewTempDirectory("pg-store");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData("../escape.jpg")]
    [InlineData("photos/../../escape.jpg")]
    [InlineData("/etc/passwd")]
    [InlineData(".")]
    [InlineData("")]
    public void GetFullPath_OutsideOrAtRoot_Throws(string relative) =>
        Assert.Throws<StoragePathException>(() => CreateStore().GetFullPath(relative));

    [Fact]
    public async Task WriteAtomically_Success_LeavesOnlyTheFile()
    {
        var store = CreateStore();

        await store.WriteAtomicallyAsync("photos/uploaded/2026-01-01/a.jpg", new MemoryStream([1, 2, 3]), CancellationToken.None);

        Assert.Equal([1, 2, 3], await File.ReadAllBytesAsync(Path.Combine(_root, "photos/uploaded/2026-01-01/a.jpg")));
        Assert.Single(Directory.GetFiles(Path.Combine(_root, "photos/uploaded/2026-01-01")));
    }

    [Fact]
    public async Task WriteAtomically_WriterFails_KeepsOldContentAndLeavesNoTempFile()
    {
        var store = CreateStore();
        await store.WriteAtomicallyAsync("photos/x.bin", new MemoryStream([7]), CancellationToken.None);

        await Assert.ThrowsAsync<IOException>(() => store.WriteAtomicallyAsync("photos/x.bin", async (s, ct) =>
        {
            await s.WriteAsync(new byte[] { 1, 2 }, ct);
            throw new IOException("disk went away");
        }, CancellationToken.None));

        Assert.Equal([7], await File.ReadAllBytesAsync(Path.Combine(_root, "photos/x.bin")));
        Assert.Equal(["x.bin"], Directory.GetFiles(Path.Combine(_root, "photos")).Select(Path.GetFileName));
    }

    [Fact]
    public void RemoveStaleTempFiles_TempLeftByCrash_IsRemovedAndOthersKept()
    {
        var store = CreateStore();
        store.EnsureWritable();
        var folder = Path.Combine(_root, "photos/uploaded/2026-01-01");
        Directory.CreateDirectory(folder);
        File.WriteAllText(Path.Combine(folder, ".a.jpg.0123.pgtmp"), "half");
        File.WriteAllText(Path.Combine(folder, "a.jpg"), "whole");

        var removed = store.RemoveStaleTempFiles(TimeSpan.Zero);

        Assert.Equal(1, removed);
        Assert.Equal(["a.jpg"], Directory.GetFiles(folder).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Delete_LastFileInDayFolder_RemovesEmptyFoldersButKeepsLayout()
    {
        var store = CreateStore();
        store.EnsureWritable();
        await store.WriteAtomicallyAsync("photos/uploaded/2026-01-01/a.jpg", new MemoryStream([1]), CancellationToken.None);

        store.Delete("photos/uploaded/2026-01-01/a.jpg");

        Assert.False(Directory.Exists(Path.Combine(_root, "photos/uploaded/2026-01-01")));
        Assert.True(Directory.Exists(Path.Combine(_root, "photos/uploaded")));
    }

    [Fact]
    public void EnsureWritable_RootUnderAFile_ThrowsNamingStorageRoot()
    {
        var file = Path.Combine(_root, "not-a-folder");
        File.WriteAllText(file, "");
        var store = CreateStore(Path.Combine(file, "data"));

        var ex = Assert.Throws<StartupException>(store.EnsureWritable);

        Assert.Contains("Storage:Root", ex.Message);
    }

    private FileSystemPhotoStore CreateStore(string? root = null) =>
        new(Options.Create(new StorageOptions { Root = root ?? _root }), NullLogger<FileSystemPhotoStore>.Instance);
}
