using Microsoft.AspNetCore.Components;
using PhotoGallery.Core.Sharing;
using PhotoGallery.Web.Security;

namespace PhotoGallery.Web.Components.Pages.Share;

/// <summary>
/// The public page of a share link (<c>/s/{token}</c>): static server rendering, one request per visit. Shows the
/// password form for a protected link until the visitor has the link's access cookie, then the grid.
/// </summary>
public sealed partial class SharePage(PublicShares shares, NavigationManager navigation)
{
    private const string FormName = "share-password";

    private SharedLink? _link;
    private IReadOnlyList<SharedPhoto> _photos = [];
    private bool _locked;
    private bool _wrongPassword;

    [Parameter] public string Token { get; set; } = "";

    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = FormName)] private SharePasswordInput? Input { get; set; }

    private string CountText => _photos.Count == 1 ? "1 photo" : $"{_photos.Count:N0} photos";

    private string? DateRange => ShareDates.Range(_photos);

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        var cancellationToken = HttpContext.RequestAborted;
        _link = await shares.FindAsync(Token, cancellationToken);
        if (_link is null)
        {
            SharePageResponse.NotFound(HttpContext);
            return;
        }
        SharePageResponse.Prepare(HttpContext);
        if (!shares.CanOpen(_link, ShareAccessCookie.Read(HttpContext)))
        {
            _locked = true;
            return;
        }
        _photos = await shares.GetPhotosAsync(_link, cancellationToken);
        if (HttpMethods.IsGet(HttpContext.Request.Method))
            await shares.RecordViewAsync(_link, HttpContext.Request.Headers.UserAgent.ToString(), cancellationToken);
    }

    private void Unlock()
    {
        var grant = shares.Unlock(_link!, Input!.Password);
        Input.Password = null;
        if (grant is null)
        {
            _wrongPassword = true;
            return;
        }
        ShareAccessCookie.Write(HttpContext, Token, grant);
        // Post/redirect/get: the grid is then an ordinary GET (and counts as a view).
        navigation.NavigateTo("s/" + Uri.EscapeDataString(Token));
    }
}
