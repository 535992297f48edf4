namespace PhotoGallery.Core.Sharing;

/// <summary>An edit of a link's options. A null <see cref="Expiry"/> keeps the current expiry; a choice counts from now.</summary>
public sealed record ShareLinkUpdate(
    ShareExpiry? Expiry,
    PasswordChange Password,
    string? NewPassword,
    bool ShowMetadata,
    bool AllowDownload,
    string? Description);
