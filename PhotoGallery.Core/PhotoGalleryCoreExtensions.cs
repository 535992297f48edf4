using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using PhotoGallery.Core.Albums;
using PhotoGallery.Core.Backends;
using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Common;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Generation;
using PhotoGallery.Core.Imaging;
using PhotoGallery.Core.Jobs;
using PhotoGallery.Core.Models;
using PhotoGallery.Core.Photos;
using PhotoGallery.Core.Security;
using PhotoGallery.Core.Sharing;
using PhotoGallery.Core.Storage;

namespace PhotoGallery.Core;

public static class PhotoGalleryCoreExtensions
{
    /// <summary>The composition root of the domain: every feature's <c>Add*()</c>.</summary>
    public static IHostApplicationBuilder AddPhotoGalleryCore(this IHostApplicationBuilder builder)
    {
        var dataRoot = Path.GetFullPath(builder.Configuration[$"{StorageOptions.SectionName}:Root"] is { Length: > 0 } root ? root : "data");
        var services = builder.Services;
        services.TryAddSingleton(TimeProvider.System);
        services.AddStorage();
        // Keys for secrets at rest (the RunPod API key, the InvokeAI token) stay with the data they protect.
        services.AddDataProtection()
            .SetApplicationName("PhotoGallery")
            .PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataRoot, "keys")));
        services.AddGalleryData(DatabaseTarget.Resolve(builder.Configuration, dataRoot));
        services.AddImaging();
        services.AddPhotos();
        services.AddAlbums();
        services.AddBackends();
        services.AddInvokeAi();
        services.AddModels();
        services.AddGeneration();
        services.AddSharing();
        services.AddOwnerSecurity();
        services.AddGalleryJobs();
        services.TryAddSingleton<HealthService>();
        services.TryAddSingleton<SettingsSummary>();
        return builder;
    }
}
