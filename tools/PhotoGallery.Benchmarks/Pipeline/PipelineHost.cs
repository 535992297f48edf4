using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Imaging;
using PhotoGallery.Core.Photos;
using PhotoGallery.Core.Storage;

namespace PhotoGallery.Benchmarks.Pipeline;

/// <summary>
/// The upload pipeline wired as the app wires it, over a data root with its SQLite file (<c>gallery.db</c>, WAL,
/// migrated by the app's own migrator, pooled context factory): what <see cref="PhotoImporter"/> sees in production.
/// </summary>
public sealed class PipelineHost : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private PipelineHost(ServiceProvider services, string root, FileSystemPhotoStore store, ImageProcessor images, PhotoImporter importer)
    {
        _services = services;
        Root = root;
        Store = store;
        Images = images;
        Importer = importer;
    }

    public string Root { get; }

    public FileSystemPhotoStore Store { get; }

    public ImageProcessor Images { get; }

    public PhotoImporter Importer { get; }

    public IDbContextFactory<GalleryDbContext> Database => _services.GetRequiredService<IDbContextFactory<GalleryDbContext>>();

    public static async Task<PipelineHost> CreateAsync(string root, int parallelism, CancellationToken cancellationToken)
    {
        var store = new FileSystemPhotoStore(Options.Create(new StorageOptions { Root = root }), NullLogger<FileSystemPhotoStore>.Instance);
        store.EnsureWritable();
        var target = DatabaseTarget.Resolve(new ConfigurationBuilder().Build(), store.Root);
        var services = new ServiceCollection().AddGalleryData(target).BuildServiceProvider();
        var database = services.GetRequiredService<IDbContextFactory<GalleryDbContext>>();
        await new DatabaseMigrator(database, target, NullLogger<DatabaseMigrator>.Instance).StartAsync(cancellationToken);

        var photoOptions = Options.Create(new PhotoOptions { UploadParallelism = parallelism });
        var images = new ImageProcessor(Options.Create(new ImagingOptions { MaxParallelEncodes = parallelism }), photoOptions, NullLogger<ImageProcessor>.Instance);
        var importer = new PhotoImporter(new PhotoIngest(database, store, images, photoOptions, TimeProvider.System, NullLogger<PhotoIngest>.Instance));
        return new PipelineHost(services, store.Root, store, images, importer);
    }

    public async Task<UploadOutcome> ImportFileAsync(string path, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 64 * 1024, FileOptions.Asynchronous);
        return await Importer.ImportAsync(stream, Path.GetFileName(path), stream.Length, cancellationToken);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
    }
}
