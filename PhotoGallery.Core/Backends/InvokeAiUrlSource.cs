namespace PhotoGallery.Core.Backends;

/// <summary>Where the effective InvokeAI URL comes from.</summary>
public enum InvokeAiUrlSource
{
    /// <summary><c>InvokeAi:LocalUrl</c>: appsettings.json, <c>INVOKEAI_LOCAL_URL</c> or the command line.</summary>
    Configuration,

    /// <summary>Saved on the Backend page (<see cref="AppSettings.LocalUrl"/>); wins over the configuration.</summary>
    Saved,
}
