namespace PhotoGallery.Core.Backends;

/// <summary>The settings the owner changes in the UI: one row (Id = 1).</summary>
public class AppSettings
{
    public const int SingletonId = 1;

    public int Id { get; set; } = SingletonId;
    public BackendMode BackendMode { get; set; } = BackendMode.Local;
    public string? LocalUrl { get; set; }
    public string? RemoteUrl { get; set; }

    /// <summary>RunPod API key, encrypted with ASP.NET Data Protection; never shown back.</summary>
    public string? RunPodApiKeyProtected { get; set; }

    public string? RunPodGpuType { get; set; }

    /// <summary>InvokeAI multi-user token, encrypted like the API key.</summary>
    public string? InvokeAiTokenProtected { get; set; }

    public int? IdleTimeoutMinutes { get; set; }
    public int? RetrievalMaxAttempts { get; set; }

    /// <summary>Hash of the owner password, required when the app listens beyond loopback.</summary>
    public string? OwnerPasswordHash { get; set; }

    public DateTime UpdatedAt { get; set; }
}
