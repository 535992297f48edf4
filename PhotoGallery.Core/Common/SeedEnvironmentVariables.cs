using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace PhotoGallery.Core.Common;

/// <summary>
/// The seed's environment variable names (DATABASE_URL, MAX_UPLOAD_SIZE, …) mapped onto configuration keys,
/// so they override appsettings.json like the standard <c>Section__Key</c> variables do.
/// </summary>
public static partial class SeedEnvironmentVariables
{
    public static readonly IReadOnlyDictionary<string, string> Map = new Dictionary<string, string>
    {
        ["DATABASE_URL"] = "DATABASE_URL",
        ["INVOKEAI_LOCAL_URL"] = "InvokeAi:LocalUrl",
        ["INVOKEAI_CONNECTION_TIMEOUT"] = "InvokeAi:ConnectionTimeoutSeconds",
        ["INVOKEAI_READ_TIMEOUT"] = "InvokeAi:ReadTimeoutSeconds",
        ["RUNPOD_API_KEY"] = "RunPod:ApiKey",
        ["RUNPOD_POD_TYPE"] = "RunPod:PodType",
        ["RUNPOD_IDLE_TIMEOUT"] = "RunPod:IdleTimeoutMinutes",
        ["MAX_UPLOAD_SIZE"] = "Photos:MaxUploadSize",
        ["MAX_BATCH_SIZE"] = "Generation:MaxBatchSize",
        ["RETRIEVAL_MAX_ATTEMPTS"] = "Generation:RetrievalMaxAttempts",
    };

    /// <summary>Adds the seed variables found in <paramref name="environment"/> as one configuration source.</summary>
    public static IConfigurationBuilder AddSeedEnvironmentVariables(this IConfigurationBuilder builder, IReadOnlyDictionary<string, string?> environment)
    {
        var values = new Dictionary<string, string?>();
        foreach (var (variable, key) in Map)
        {
            if (environment.TryGetValue(variable, out var value) && value is not null)
                values[key] = variable == "MAX_UPLOAD_SIZE" ? NormalizeSize(value) : value;
        }
        return builder.AddInMemoryCollection(values);
    }

    public static IReadOnlyDictionary<string, string?> ReadProcessEnvironment() =>
        Map.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);

    /// <summary>"20MB" → "20971520"; anything it does not understand is passed on for the options validation to reject.</summary>
    public static string NormalizeSize(string value)
    {
        var m = SizeRegex().Match(value.Trim());
        if (!m.Success)
            return value;
        var number = decimal.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture);
        var factor = m.Groups[2].Value.ToUpperInvariant() switch
        {
            "K" or "KB" => 1024m,
            "M" or "MB" => 1024m * 1024,
            "G" or "GB" => 1024m * 1024 * 1024,
            _ => 1m,
        };
        return decimal.ToInt64(decimal.Round(number * factor)).ToString(CultureInfo.InvariantCulture);
    }

    [GeneratedRegex(@"^(\d+(?:\.\d+)?)\s*(B|K|KB|M|MB|G|GB)?$", RegexOptions.IgnoreCase)]
    private static partial Regex SizeRegex();
}
