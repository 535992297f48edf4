namespace PhotoGallery.Core.Sharing;

public enum PasswordChange
{
    Keep,
    Set,
    Remove,
}
