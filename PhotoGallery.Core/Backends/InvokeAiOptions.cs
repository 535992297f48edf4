using System.ComponentModel.DataAnnotations;

namespace PhotoGallery.Core.Backends;

public sealed class InvokeAiOptions
{
    public const string SectionName = "InvokeAi";

    /// <summary>The local InvokeAI server (env INVOKEAI_LOCAL_URL).</summary>
    public string LocalUrl { get; set; } = "http://localhost:9090";

    /// <summary>Seconds to wait for a TCP connection (env INVOKEAI_CONNECTION_TIMEOUT).</summary>
    [Range(1, 300, ErrorMessage = "InvokeAi:ConnectionTimeoutSeconds (INVOKEAI_CONNECTION_TIMEOUT) must be between 1 and 300 seconds.")]
    public int ConnectionTimeoutSeconds { get; set; } = 10;

    /// <summary>Seconds to wait for one response (env INVOKEAI_READ_TIMEOUT).</summary>
    [Range(1, 3600, ErrorMessage = "InvokeAi:ReadTimeoutSeconds (INVOKEAI_READ_TIMEOUT) must be between 1 and 3600 seconds.")]
    public int ReadTimeoutSeconds { get; set; } = 120;
}
