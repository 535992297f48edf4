namespace PhotoGallery.Core.Backends.InvokeAi;

/// <summary>InvokeAI refused or failed a generation request.</summary>
public sealed class InvokeAiGenerationException : InvokeAiException
{
    public InvokeAiGenerationException(string message) : base(message) { }

    public InvokeAiGenerationException(string message, Exception? innerException) : base(message, innerException) { }
}
