using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;
using PhotoGallery.Core.Sharing;
using PhotoGallery.Web.Components.Shared.Sharing;

namespace PhotoGallery.Web.Components.Pages;

/// <summary>The owner's list of share links: copy, open, edit and revoke each.</summary>
public sealed partial class Sharing(
    ShareService shares,
    IDialogService dialogs,
    ISnackbar snackbar,
    IJSRuntime js,
    NavigationManager navigation,
    TimeProvider clock,
    IOptions<SharingOptions> options) : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private IReadOnlyList<ShareLinkSummary>? _links;

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    protected override async Task OnInitializedAsync() => await LoadAsync();

    private async Task LoadAsync() => _links = await shares.ListAsync(_cts.Token);

    private string UrlFor(ShareLinkSummary link) => ShareLinkAddress.For(link.Token, options.Value.ExternalBaseUrl, navigation.BaseUri);

    private string ExpiryText(ShareLinkSummary link) => link.ExpiresAt switch
    {
        null => "never",
        { } e when e <= Now => "expired " + RelativeTime.Describe(e, Now),
        { } e => RelativeTime.Describe(e, Now),
    };

    private static Color StatusColor(ShareLinkStatus status) => status switch
    {
        ShareLinkStatus.Active => Color.Success,
        ShareLinkStatus.Expired => Color.Warning,
        _ => Color.Default,
    };

    private async Task CopyAsync(ShareLinkSummary link)
    {
        var copied = await js.InvokeAsync<bool>("photoGallery.copyText", _cts.Token, UrlFor(link));
        snackbar.Add(copied ? "Link copied." : "Could not copy; open the link and copy it from the address bar.", copied ? Severity.Success : Severity.Warning);
    }

    private async Task EditAsync(ShareLinkSummary link)
    {
        var parameters = new DialogParameters<ShareLinkEditDialog> { { d => d.Link, link } };
        var dialog = await dialogs.ShowAsync<ShareLinkEditDialog>("Edit link", parameters, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        var result = await dialog.Result;
        if (result is { Canceled: false })
        {
            snackbar.Add("Link updated.", Severity.Success);
            await LoadAsync();
        }
    }

    private async Task RevokeAsync(ShareLinkSummary link)
    {
        var confirmed = await dialogs.ShowMessageBoxAsync(
            $"Revoke the link to {link.Target}?",
            "Anyone who opens it will see a \"not available\" page. This cannot be undone; you can make a new link later.",
            yesText: "Revoke", cancelText: "Cancel");
        if (confirmed != true)
            return;
        await shares.RevokeAsync(link.Id, _cts.Token);
        snackbar.Add("Link revoked.", Severity.Success);
        await LoadAsync();
    }

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
