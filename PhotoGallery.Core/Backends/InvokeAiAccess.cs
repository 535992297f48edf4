namespace PhotoGallery.Core.Backends;

/// <summary>Whether the app may use the InvokeAI API, as a connection test found it.</summary>
public enum InvokeAiAccess
{
    /// <summary>The server could not be asked (unreachable, or not InvokeAI).</summary>
    Unknown,

    /// <summary>Single-user server: no sign-in needed.</summary>
    Open,

    /// <summary>Multi-user server and the saved token is accepted.</summary>
    SignedIn,

    /// <summary>Multi-user server and no token is saved.</summary>
    SignInNeeded,

    /// <summary>Multi-user server that refused the saved token (expired, or from another server).</summary>
    TokenRejected,
}
