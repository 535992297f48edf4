using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using PhotoGallery.Core.Imaging;
using PhotoGallery.Core.Photos;
using PhotoGallery.Core.Storage;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Integration.Photos;

/// <summary>The photo services wired as the app wires them, over a temp data root and a test database.</summary>
public sealed class PhotoServicesHarness : IDisposable
{
    public PhotoServicesHarness(TestDatabase database, PhotoOptions? photoOptions = null, string? root = null)
    {
        Root = root ?? RepoPaths.NewTempDirectory("pg-lib");
        _ownsRoot = root is null;
        Options = photoOptions ?? new PhotoOptions();
        Store = new FileSystemPhotoStore(Microsoft.Extensions.Options.Options.Create(new StorageOptions { Root = Root }), NullLogger<FileSystemPhotoStore>.Instance);
        Store.EnsureWritable();
        var options = Microsoft.Extensions.Options.Options.Create(Options);
        var images = new ImageProcessor(Microsoft.Extensions.Options.Options.Create(new ImagingOptions()), options, NullLogger<ImageProcessor>.Instance);
        Cache = new PhotoMediaCache();
        Ingest = new PhotoIngest(database, Store, images, options, Clock, NullLogger<PhotoIngest>.Instance);
        Importer = new PhotoImporter(Ingest);
        Library = new PhotoLibrary(database);
        Trash = new PhotoTrash(database, Store, Cache, options, Clock, NullLogger<PhotoTrash>.Instance);
        Media = new PhotoMedia(database, Store, Cache);
    }

    private readonly bool _ownsRoot;

    public string Root { get; }

    public PhotoOptions Options { get; }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 11, 25, 12, 0, 0, TimeSpan.Zero));

    public FileSystemPhotoStore Store { get; }

    public PhotoMediaCache Cache { get; }

    public PhotoIngest Ingest { get; }

    public PhotoImporter Importer { get; }

    public PhotoLibrary Library { get; }

    public PhotoTrash Trash { get; }

    public PhotoMedia Media { get; }

    public async Task<UploadOutcome> ImportFileAsync(string path, string? name = null)
    {
        await using var stream = File.OpenRead(path);
        return await Importer.ImportAsync(stream, name ?? Path.GetFileName(path), stream.Length, CancellationToken.None);
    }

    /// <summary>Every file under the data root, relative (the empty layout folders do not count).</summary>
    public IReadOnlyList<string> Files() =>
        Directory.GetFiles(Root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root, f)).Order().ToList();

    public void Dispose()
    {
        Cache.Dispose();
        if (_ownsRoot)
            Directory.Delete(Root, recursive: true);
    }
}
