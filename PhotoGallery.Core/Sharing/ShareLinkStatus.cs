namespace PhotoGallery.Core.Sharing;

public enum ShareLinkStatus
{
    Active,
    Expired,
    Revoked,
}
