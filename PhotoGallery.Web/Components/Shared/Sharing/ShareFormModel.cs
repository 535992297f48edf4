using PhotoGallery.Core.Sharing;

namespace PhotoGallery.Web.Components.Shared.Sharing;

/// <summary>The options a share dialog edits. A null <see cref="Expiry"/> keeps the current expiry (edit only).</summary>
public sealed class ShareFormModel
{
    public ShareExpiry? Expiry { get; set; } = ShareExpiries.Default;
    public PasswordChange Password { get; set; } = PasswordChange.Keep;
    public string? NewPassword { get; set; }
    public bool ShowMetadata { get; set; } = true;
    public bool AllowDownload { get; set; }
    public string? Description { get; set; }

    public static ShareFormModel From(ShareLinkSummary link) => new()
    {
        Expiry = null,
        ShowMetadata = link.ShowMetadata,
        AllowDownload = link.AllowDownload,
        Description = link.Description,
    };

    public ShareLinkRequest ToRequest(Guid? albumId, IReadOnlyList<Guid>? photoIds) => new(
        albumId, photoIds, Expiry ?? ShareExpiries.Default, Password == PasswordChange.Set ? NewPassword : null,
        ShowMetadata, AllowDownload && ShowMetadata, Description);

    public ShareLinkUpdate ToUpdate() => new(Expiry, Password, Password == PasswordChange.Set ? NewPassword : null,
        ShowMetadata, AllowDownload && ShowMetadata, Description);
}
