using System.ComponentModel.DataAnnotations;

namespace PhotoGallery.Core.Backends;

public sealed class RunPodOptions
{
    public const string SectionName = "RunPod";

    /// <summary>API key (env RUNPOD_API_KEY). A key saved in the UI is stored encrypted and wins.</summary>
    public string? ApiKey { get; set; }

    /// <summary>GPU type id for new pods (env RUNPOD_POD_TYPE).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = "RunPod:PodType (RUNPOD_POD_TYPE) must name a GPU type.")]
    public string PodType { get; set; } = "NVIDIA GeForce RTX 4090";

    /// <summary>Minutes without queued, running or retrieving work before the pod is stopped (env RUNPOD_IDLE_TIMEOUT).</summary>
    [Range(1, 1440, ErrorMessage = "RunPod:IdleTimeoutMinutes (RUNPOD_IDLE_TIMEOUT) must be between 1 and 1440 minutes.")]
    public int IdleTimeoutMinutes { get; set; } = 15;

    [Required(AllowEmptyStrings = false, ErrorMessage = "RunPod:ApiUrl must be set.")]
    public string ApiUrl { get; set; } = "https://rest.runpod.io/v1";
}
