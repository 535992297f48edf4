using PhotoGallery.Core.Storage;
using Serilog;
using Serilog.Events;

namespace PhotoGallery.Web.Logging;

public static class LoggingExtensions
{
    /// <summary>Serilog: console and a daily rolling file under the data root's logs/ folder.</summary>
    public static WebApplicationBuilder AddGalleryLogging(this WebApplicationBuilder builder)
    {
        var root = builder.Configuration[$"{StorageOptions.SectionName}:Root"] is { Length: > 0 } r ? r : "data";
        var logFile = Path.Combine(Path.GetFullPath(root), StoragePaths.Logs, "photogallery-.log");

        // No static bootstrap logger: a frozen static logger breaks a second host in one process.
        builder.Services.AddSerilog((_, lc) => lc
            .ReadFrom.Configuration(builder.Configuration)
            // Start-up failures are printed as one clear line by Program.cs, not as a stack trace.
            .MinimumLevel.Override("Microsoft.Extensions.Hosting.Internal.Host", LogEventLevel.Fatal)
            .MinimumLevel.Override("Microsoft.EntityFrameworkCore.Database.Connection", LogEventLevel.Fatal)
            .Enrich.FromLogContext()
            .Enrich.With<SecretRedactionEnricher>()
            .WriteTo.Console(formatProvider: System.Globalization.CultureInfo.InvariantCulture)
            .WriteTo.File(logFile, rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14,
                formatProvider: System.Globalization.CultureInfo.InvariantCulture));
        return builder;
    }
}
