namespace PhotoGallery.Core.Common;

/// <summary>
/// Start-up cannot go on (bad configuration, unreachable database, unwritable data root).
/// Program.cs prints the message as one line and exits non-zero; no stack trace is shown.
/// </summary>
public sealed class StartupException(string message, Exception? innerException = null)
    : Exception(message, innerException);
