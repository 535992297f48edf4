namespace PhotoGallery.Core.Common;

/// <summary>A failure whose message is safe and useful to show to the owner as it is.</summary>
public class UserFacingException : Exception
{
    public UserFacingException(string message) : base(message) { }

    public UserFacingException(string message, Exception? innerException) : base(message, innerException) { }
}
