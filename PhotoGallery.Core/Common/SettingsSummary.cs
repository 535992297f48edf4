using System.Globalization;
using Microsoft.Extensions.Options;
using PhotoGallery.Core.Backends;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Generation;
using PhotoGallery.Core.Imaging;
using PhotoGallery.Core.Photos;
using PhotoGallery.Core.Sharing;
using PhotoGallery.Core.Storage;

namespace PhotoGallery.Core.Common;

/// <summary>The effective configuration for the Settings page; secrets are shown only as set / not set.</summary>
public sealed class SettingsSummary(
    IPhotoStore store,
    DatabaseTarget database,
    IOptions<PhotoOptions> photos,
    IOptions<ImagingOptions> imaging,
    IOptions<InvokeAiOptions> invokeAi,
    IOptions<RunPodOptions> runPod,
    IOptions<GenerationOptions> generation,
    IOptions<SharingOptions> sharing)
{
    public IReadOnlyList<SettingRow> Rows()
    {
        var env = SeedEnvironmentVariables.Map.ToDictionary(kv => kv.Value, kv => kv.Key);
        SettingRow Row(string key, object? value, string? variable = null) =>
            new(key, Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", variable ?? env.GetValueOrDefault(key) ?? key.Replace(":", "__"));

        return
        [
            Row("Storage:Root", store.Root),
            Row("Database", database.Describe(), "DATABASE_URL / ConnectionStrings__Gallery"),
            Row("Photos:MaxUploadSize", $"{photos.Value.MaxUploadSize:N0} bytes"),
            Row("Photos:MinDimension", photos.Value.MinDimension),
            Row("Photos:MaxDimension", photos.Value.MaxDimension),
            Row("Photos:TrashRetentionDays", photos.Value.TrashRetentionDays),
            Row("Photos:UploadParallelism", photos.Value.UploadParallelism),
            Row("Imaging:Engine", imaging.Value.Engine),
            Row("Imaging:ThumbnailSize", imaging.Value.ThumbnailSize),
            Row("Imaging:PreviewSize", imaging.Value.PreviewSize),
            Row("InvokeAi:LocalUrl", invokeAi.Value.LocalUrl),
            Row("InvokeAi:ConnectionTimeoutSeconds", invokeAi.Value.ConnectionTimeoutSeconds),
            Row("InvokeAi:ReadTimeoutSeconds", invokeAi.Value.ReadTimeoutSeconds),
            Row("RunPod:ApiKey", string.IsNullOrEmpty(runPod.Value.ApiKey) ? "not set" : "set (hidden)"),
            Row("RunPod:PodType", runPod.Value.PodType),
            Row("RunPod:IdleTimeoutMinutes", runPod.Value.IdleTimeoutMinutes),
            Row("Generation:MaxBatchSize", generation.Value.MaxBatchSize),
            Row("Generation:RetrievalMaxAttempts", generation.Value.RetrievalMaxAttempts),
            Row("Generation:RetrievalRetrySeconds", generation.Value.RetrievalRetrySeconds),
            Row("Generation:RetrievalConcurrency", generation.Value.RetrievalConcurrency),
            Row("Generation:PollIntervalMs", generation.Value.PollIntervalMs),
            Row("Generation:TrashUnselectedOnComplete", generation.Value.TrashUnselectedOnComplete),
            Row("Sharing:ExternalBaseUrl", string.IsNullOrEmpty(sharing.Value.ExternalBaseUrl) ? "(the address the app is reached at)" : sharing.Value.ExternalBaseUrl),
        ];
    }
}
