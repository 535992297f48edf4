using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using PhotoGallery.Core.Albums;
using PhotoGallery.Core.Common;
using PhotoGallery.Core.Photos;
using PhotoGallery.Web.Components.Shared;

namespace PhotoGallery.Web.Components.Pages.Albums;

/// <summary>One album: its photos in album order (drag to reorder), the cover, the viewer walking the album's order.</summary>
public sealed partial class AlbumPage(AlbumService albums, NavigationManager navigation, IDialogService dialogs, ISnackbar snackbar, IJSRuntime js) : IAsyncDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private AlbumSummary? _album;
    private List<PhotoTile> _tiles = [];
    private bool _missing;
    private bool _moving;
    private int? _viewerIndex;
    private ElementReference _grid;
    private DotNetObjectReference<AlbumPage>? _self;
    private IJSObjectReference? _reorder;

    [Parameter] public Guid AlbumId { get; set; }

    [SupplyParameterFromQuery(Name = "photo")] public Guid? PhotoParam { get; set; }

    protected override async Task OnParametersSetAsync()
    {
        if (_album?.Id != AlbumId)
            await LoadAsync();
        _viewerIndex = PhotoParam is { } id ? _tiles.FindIndex(t => t.Id == id) is var i && i >= 0 ? i : null : null;
    }

    private async Task LoadAsync()
    {
        _album = await albums.GetAsync(AlbumId, _cts.Token);
        _missing = _album is null;
        _tiles = _album is null ? [] : [.. await albums.GetPhotosAsync(AlbumId, _cts.Token)];
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // The grid appears once the album has photos; attach drag-to-reorder to it then.
        if (_reorder is null && _tiles.Count > 0 && _grid.Context is not null)
        {
            _self ??= DotNetObjectReference.Create(this);
            _reorder = await js.InvokeAsync<IJSObjectReference>("photoGallery.attachReorder", _cts.Token, _grid, ".album-tile", _self);
        }
    }

    [JSInvokable]
    public Task OnReorder(string photoId, int newIndex) =>
        Guid.TryParse(photoId, out var id) ? InvokeAsync(async () => { await MoveAsync(id, newIndex); StateHasChanged(); }) : Task.CompletedTask;

    private async Task MoveAsync(Guid photoId, int newIndex)
    {
        _moving = true;
        try
        {
            await albums.MoveAsync(AlbumId, photoId, newIndex, _cts.Token);
            await LoadAsync();
        }
        catch (UserFacingException ex)
        {
            snackbar.Add(ex.Message, Severity.Warning);
            await LoadAsync();
        }
        finally
        {
            _moving = false;
        }
    }

    private void OpenAsync(Guid id, bool replace = false) =>
        navigation.NavigateTo(navigation.GetUriWithQueryParameter("photo", id), replace: replace);

    private async Task OnTileKeyAsync(Guid id, KeyboardEventArgs e)
    {
        var index = _tiles.FindIndex(t => t.Id == id);
        if (e.Key == "Enter")
            OpenAsync(id);
        else if (e.AltKey && e.Key == "ArrowLeft" && index > 0)
            await MoveAsync(id, index - 1);
        else if (e.AltKey && e.Key == "ArrowRight" && index < _tiles.Count - 1)
            await MoveAsync(id, index + 1);
    }

    private void CloseViewer() => navigation.NavigateTo(navigation.GetUriWithQueryParameter("photo", (Guid?)null));

    private async Task OnDeletedAsync(Guid id)
    {
        var index = _tiles.FindIndex(t => t.Id == id);
        await LoadAsync();
        if (_tiles.Count == 0)
            CloseViewer();
        else
            OpenAsync(_tiles[Math.Clamp(index, 0, _tiles.Count - 1)].Id, replace: true);
    }

    private async Task SetCoverAsync(Guid photoId)
    {
        await albums.SetCoverAsync(AlbumId, photoId, _cts.Token);
        await LoadAsync();
        snackbar.Add("Cover changed.", Severity.Success);
    }

    private async Task RemoveAsync(PhotoTile tile)
    {
        await albums.RemovePhotosAsync(AlbumId, [tile.Id], _cts.Token);
        await LoadAsync();
        snackbar.Add($"Removed {tile.OriginalFileName} from the album (it stays in the library).", Severity.Success);
    }

    private Task ShareAsync() => ShareDialog.ShowAsync(dialogs, AlbumId, null, _album!.Title);

    private async Task EditAsync()
    {
        var parameters = new DialogParameters<AlbumEditDialog>
        {
            { d => d.AlbumId, AlbumId },
            { d => d.Title, _album!.Title },
            { d => d.Description, _album.Description },
        };
        var dialog = await dialogs.ShowAsync<AlbumEditDialog>("Edit album", parameters);
        if (await dialog.Result is { Canceled: false })
            await LoadAsync();
    }

    private async Task DeleteAsync()
    {
        var ok = await dialogs.ShowMessageBoxAsync($"Delete the album “{_album!.Title}”?",
            $"The album and its share links are deleted. Its {_album.PhotoCount} photos stay in your library.",
            yesText: "Delete album", cancelText: "Cancel");
        if (ok != true)
            return;
        await albums.DeleteAsync(AlbumId, _cts.Token);
        snackbar.Add($"Deleted the album {_album.Title}.", Severity.Success);
        navigation.NavigateTo("albums");
    }

    public async ValueTask DisposeAsync()
    {
        await _cts.CancelAsync();
        if (_reorder is not null)
        {
            try
            {
                await _reorder.InvokeVoidAsync("dispose");
                await _reorder.DisposeAsync();
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
