namespace PhotoGallery.Core.Backends.InvokeAi;

/// <summary>A model is missing, unknown to InvokeAI or unsuitable for the request.</summary>
public sealed class InvokeAiModelException : InvokeAiException
{
    public InvokeAiModelException(string message) : base(message) { }

    public InvokeAiModelException(string message, Exception? innerException) : base(message, innerException) { }
}
