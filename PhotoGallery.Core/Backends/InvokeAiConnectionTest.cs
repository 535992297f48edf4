namespace PhotoGallery.Core.Backends;

/// <summary>The outcome of "Test connection": a value, because an unreachable server is a normal answer here.</summary>
public sealed record InvokeAiConnectionTest(
    string Url,
    string? Version,
    bool MultiUser,
    InvokeAiAccess Access,
    bool? QueueStarted,
    string? Error)
{
    public bool Reachable => Version is not null;

    public static InvokeAiConnectionTest Failed(string url, string error) => new(url, null, false, InvokeAiAccess.Unknown, null, error);
}
