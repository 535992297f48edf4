using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;
using PhotoGallery.Core.Generation.Sessions;
using PhotoGallery.Core.Photos;
using PhotoGallery.Web.Components.Shared;

namespace PhotoGallery.Web.Components.Pages.Library;

/// <summary>
/// Full-screen viewer over the loaded tiles: the preview (the original on zoom), previous/next by arrow keys, swipe
/// or buttons, Esc closes, Del moves to Trash (with Undo), I toggles the info panel.
/// </summary>
public sealed partial class PhotoViewer(PhotoLibrary library, SessionQueries sessions, PhotoTrash trash, ISnackbar snackbar, IDialogService dialogs, IJSRuntime js) : IAsyncDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private ElementReference _root;
    private ElementReference _stage;
    private DotNetObjectReference<PhotoViewer>? _self;
    private IJSObjectReference? _handle;
    private PhotoDetails? _details;
    private PhotoProvenance? _provenance;
    private Guid _detailsFor;
    private bool _zoomed;
    private bool _showInfo;

    [Parameter, EditorRequired] public IReadOnlyList<PhotoTile> Photos { get; set; } = [];
    [Parameter] public int Index { get; set; }
    [Parameter] public EventCallback<int> IndexChanged { get; set; }
    [Parameter] public EventCallback OnClose { get; set; }
    [Parameter] public EventCallback<Guid> OnDeleted { get; set; }
    [Parameter] public bool HasMore { get; set; }
    [Parameter] public EventCallback OnNeedMore { get; set; }

    private PhotoTile Current => Photos[Math.Clamp(Index, 0, Photos.Count - 1)];

    protected override async Task OnParametersSetAsync()
    {
        if (_detailsFor != Current.Id)
        {
            _detailsFor = Current.Id;
            _zoomed = false;
            _details = null;
            _provenance = null;
            if (_showInfo)
                await LoadDetailsAsync();
        }
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            _handle = await js.InvokeAsync<IJSObjectReference>("photoGallery.attachViewer", _cts.Token, _root, _self);
        }
    }

    [JSInvokable]
    public Task OnViewerKey(string key) => InvokeAsync(async () =>
    {
        switch (key)
        {
            case "ArrowLeft": await PreviousAsync(); break;
            case "ArrowRight": await NextAsync(); break;
            case "Escape": await OnClose.InvokeAsync(); break;
            case "Delete": await DeleteAsync(); break;
            case "i": await ToggleInfo(); break;
            case "z": ToggleZoom(); break;
        }
        StateHasChanged();
    });

    private async Task PreviousAsync()
    {
        if (Index > 0)
            await IndexChanged.InvokeAsync(Index - 1);
    }

    private async Task NextAsync()
    {
        if (Index >= Photos.Count - 1 && HasMore)
            await OnNeedMore.InvokeAsync();
        if (Index < Photos.Count - 1)
            await IndexChanged.InvokeAsync(Index + 1);
    }

    private void ToggleZoom() => _zoomed = !_zoomed;

    private async Task ToggleInfo()
    {
        _showInfo = !_showInfo;
        if (_showInfo && _details is null)
            await LoadDetailsAsync();
    }

    private async Task LoadDetailsAsync()
    {
        _details = await library.GetDetailsAsync(Current.Id, _cts.Token);
        _provenance = await sessions.GetProvenanceAsync(Current.Id, _cts.Token);
    }

    private async Task AddToAlbumAsync()
    {
        var parameters = new DialogParameters<AddToAlbumDialog> { { d => d.PhotoIds, [Current.Id] } };
        await dialogs.ShowAsync<AddToAlbumDialog>("Add to album", parameters);
    }

    private Task ShareAsync() => ShareDialog.ShowAsync(dialogs, null, [Current.Id], Current.OriginalFileName);

    private async Task DeleteAsync()
    {
        var id = Current.Id;
        var name = Current.OriginalFileName;
        await trash.DeleteAsync([id], _cts.Token);
        snackbar.Add($"Moved {name} to Trash.", Severity.Normal, options =>
        {
            options.Action = "Undo";
            options.ActionColor = Color.Primary;
            options.OnClick = async _ =>
            {
                await trash.RestoreAsync([id], CancellationToken.None);
                snackbar.Add($"Restored {name}.", Severity.Success);
            };
        });
        await OnDeleted.InvokeAsync(id);
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        if (_handle is not null)
        {
            try
            {
                await _handle.InvokeVoidAsync("dispose");
                await _handle.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The tab is gone; its listeners went with it.
            }
        }
        _self?.Dispose();
        _cts.Dispose();
    }
}
