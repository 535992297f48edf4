using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PhotoGallery.Core.Backends;
using PhotoGallery.Core.Common;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Generation;
using PhotoGallery.Core.Imaging;
using PhotoGallery.Core.Photos;
using PhotoGallery.Core.Sharing;
using PhotoGallery.Core.Storage;
using PhotoGallery.Web.Components.Pages;

namespace PhotoGallery.Tests.Components.Pages;

public sealed class SettingsPageTests : MudTestContext
{
    [Fact]
    public void Render_WithApiKeyAndPostgres_ShowsValuesButNeverSecrets()
    {
        var store = new FileSystemPhotoStore(Options.Create(new StorageOptions { Root = "/srv/photos" }), NullLogger<FileSystemPhotoStore>.Instance);
        Services.AddSingleton(new SettingsSummary(
            store,
            new DatabaseTarget(DatabaseProvider.Postgres, "Host=db;Port=5432;Database=gallery;Username=me;Password=hunter2"),
            Options.Create(new PhotoOptions { MaxUploadSize = 5_000_000 }),
            Options.Create(new ImagingOptions()),
            Options.Create(new InvokeAiOptions { LocalUrl = "http://gpu:9090" }),
            Options.Create(new RunPodOptions { ApiKey = "rpa_SECRETKEY" }),
            Options.Create(new GenerationOptions()),
            Options.Create(new SharingOptions())));

        var cut = RenderInteractive<Settings>();

        var text = cut.Markup;
        Assert.Contains("PostgreSQL at db:5432, database", text);
        Assert.Contains("5,000,000 bytes", text);
        Assert.Contains("http://gpu:9090", text);
        Assert.Contains("set (hidden)", text);
        Assert.DoesNotContain("hunter2", text);
        Assert.DoesNotContain("SECRETKEY", text);
        Assert.Contains("MAX_UPLOAD_SIZE", text);
    }
}
