using PhotoGallery.Core.Common;

namespace PhotoGallery.Core.Backends.InvokeAi;

/// <summary>Base of every InvokeAI failure; the message is written for the owner and safe to show.</summary>
public abstract class InvokeAiException : UserFacingException
{
    protected InvokeAiException(string message) : base(message) { }

    protected InvokeAiException(string message, Exception? innerException) : base(message, innerException) { }

    /// <summary>HTTP status InvokeAI answered with, when it answered at all.</summary>
    public int? StatusCode { get; init; }
}
