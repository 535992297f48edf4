namespace PhotoGallery.Core.Backends.InvokeAi;

/// <summary>An output image or its metadata could not be fetched from InvokeAI.</summary>
public sealed class InvokeAiRetrievalException : InvokeAiException
{
    public InvokeAiRetrievalException(string message) : base(message) { }

    public InvokeAiRetrievalException(string message, Exception? innerException) : base(message, innerException) { }
}
