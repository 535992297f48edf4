namespace PhotoGallery.Core.Backends.InvokeAi;

/// <summary>InvokeAI cannot be reached or did not answer in time (network, timeout, server error or open circuit).</summary>
public sealed class InvokeAiConnectionException : InvokeAiException
{
    public InvokeAiConnectionException(string message) : base(message) { }

    public InvokeAiConnectionException(string message, Exception? innerException) : base(message, innerException) { }
}
