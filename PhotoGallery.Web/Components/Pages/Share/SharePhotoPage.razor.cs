using Microsoft.AspNetCore.Components;
using PhotoGallery.Core.Sharing;
using PhotoGallery.Web.Security;

namespace PhotoGallery.Web.Components.Pages.Share;

/// <summary>
/// One photo of a share link (<c>/s/{token}/p/{photoId}</c>) with previous/next links in the link's order. A photo the
/// link does not cover answers the same 404 as a bad token; a locked link sends the visitor to its password form.
/// </summary>
public sealed partial class SharePhotoPage(PublicShares shares, NavigationManager navigation)
{
    private SharedLink? _link;
    private IReadOnlyList<SharedPhoto> _photos = [];
    private SharedPhoto? _photo;
    private int _index;

    [Parameter] public string Token { get; set; } = "";

    [Parameter] public Guid PhotoId { get; set; }

    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    private string Name => _photo?.FileName ?? $"Photo {_index + 1}";

    private string? Camera => string.Join(" ", new[] { _photo?.CameraMake, _photo?.CameraModel }.Where(s => !string.IsNullOrWhiteSpace(s))) is { Length: > 0 } c ? c : null;

    protected override async Task OnInitializedAsync()
    {
        var cancellationToken = HttpContext.RequestAborted;
        _link = await shares.FindAsync(Token, cancellationToken);
        if (_link is not null && !shares.CanOpen(_link, ShareAccessCookie.Read(HttpContext)))
        {
            SharePageResponse.Prepare(HttpContext);
            navigation.NavigateTo("s/" + Uri.EscapeDataString(Token));
            _link = null;
            return;
        }
        if (_link is not null)
        {
            _photos = await shares.GetPhotosAsync(_link, cancellationToken);
            _index = _photos.ToList().FindIndex(p => p.Id == PhotoId);
            _photo = _index >= 0 ? _photos[_index] : null;
        }
        if (_photo is null)
            SharePageResponse.NotFound(HttpContext);
        else
            SharePageResponse.Prepare(HttpContext);
    }
}
