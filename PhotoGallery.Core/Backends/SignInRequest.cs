namespace PhotoGallery.Core.Backends;

/// <summary>Credentials for a multi-user InvokeAI; used once for the login call, never stored or logged.</summary>
public sealed record SignInRequest(string Email, string Password)
{
    // Keeps the password out of any accidental ToString() (logs, debugger displays).
    public override string ToString() => $"SignInRequest {{ Email = {Email}, Password = *** }}";
}
