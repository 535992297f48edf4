using Microsoft.Extensions.Configuration.CommandLine;
using Microsoft.Extensions.Configuration.Json;
using PhotoGallery.Core.Common;

namespace PhotoGallery.Web.Configuration;

public static class GalleryConfiguration
{
    /// <summary>
    /// Loads the repository's one settings file (copied beside the binaries) and the seed's environment
    /// variable names. Precedence, lowest first: appsettings.json, <c>Section__Key</c> variables, seed
    /// variables (DATABASE_URL, MAX_UPLOAD_SIZE, …), command-line arguments.
    /// </summary>
    public static void AddGallerySettings(this ConfigurationManager configuration)
    {
        var sources = configuration.Sources;
        var lastJson = sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is JsonConfigurationSource).i;
        var settings = new JsonConfigurationSource
        {
            Path = Path.Combine(AppContext.BaseDirectory, "appsettings.json"),
            Optional = false,
            ReloadOnChange = false,
        };
        settings.ResolveFileProvider();
        sources.Insert(lastJson + 1, settings);

        var seed = new ConfigurationBuilder().AddSeedEnvironmentVariables(SeedEnvironmentVariables.ReadProcessEnvironment()).Sources[0];
        // The app's own command-line source is the last one (the host's copy sits earlier, below the JSON files).
        var commandLine = sources.Select((s, i) => (s, i)).LastOrDefault(x => x.s is CommandLineConfigurationSource, (null!, sources.Count)).i;
        sources.Insert(commandLine, seed);
    }
}
