namespace PhotoGallery.Core.Backends.InvokeAi;

/// <summary>InvokeAI is in multi-user mode and refused the token (missing, expired or not allowed).</summary>
public sealed class InvokeAiAuthenticationException : InvokeAiException
{
    public InvokeAiAuthenticationException(string message) : base(message) { }

    public InvokeAiAuthenticationException(string message, Exception? innerException) : base(message, innerException) { }
}
