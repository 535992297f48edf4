using System.Globalization;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.JSInterop;
using MudBlazor;
using PhotoGallery.Core.Photos;
using PhotoGallery.Web.Components.Shared;
using PhotoGallery.Web.Components.Shared.Upload;
using PhotoGallery.Web.Endpoints;

namespace PhotoGallery.Web.Components.Pages.Library;

public sealed partial class Library(
    PhotoLibrary library,
    PhotoTrash trash,
    UploadQueue uploads,
    DownloadTickets downloads,
    NavigationManager navigation,
    IDialogService dialogs,
    ISnackbar snackbar,
    IJSRuntime js) : IAsyncDisposable
{
    private const int PageSize = 120;

    private readonly CancellationTokenSource _cts = new();
    private readonly List<PhotoTile> _tiles = [];
    private readonly HashSet<Guid> _selected = [];
    private LibraryQuery _query = new();
    private LibraryCursor? _cursor;
    private bool _loading;
    private bool _loadedOnce;
    private int? _total;
    private int? _lastClicked;
    private int? _viewerIndex;
    private int _refreshScheduled;
    private int _generation;
    private ElementReference _sentinel;
    private DotNetObjectReference<Library>? _self;
    private IJSObjectReference? _observer;

    private UploadQueue Uploads => uploads;

    [SupplyParameterFromQuery(Name = "filter")] public string? FilterParam { get; set; }
    [SupplyParameterFromQuery(Name = "sort")] public string? SortParam { get; set; }
    [SupplyParameterFromQuery(Name = "order")] public string? OrderParam { get; set; }
    [SupplyParameterFromQuery(Name = "photo")] public Guid? PhotoParam { get; set; }

    private string EmptyTitle => _query.Filter switch
    {
        LibraryFilter.Generated => "No generated images yet",
        LibraryFilter.Uploaded => "No uploaded photos yet",
        _ => "Your library is empty",
    };

    private IEnumerable<DayGroup> Days =>
        Enumerable.Range(0, _tiles.Count)
            .GroupBy(i => _tiles[i].Day(_query.Sort))
            .Select(g => new DayGroup(g.Key, [.. g]));

    protected override void OnInitialized()
    {
        uploads.PhotoStored += OnPhotoStored;
    }

    protected override async Task OnParametersSetAsync()
    {
        var query = new LibraryQuery(
            Enum.TryParse<LibraryFilter>(FilterParam, true, out var f) ? f : LibraryFilter.All,
            Enum.TryParse<LibrarySort>(SortParam, true, out var s) ? s : LibrarySort.Taken,
            string.Equals(OrderParam, "asc", StringComparison.OrdinalIgnoreCase));
        if (query != _query || !_loadedOnce)
        {
            _query = query;
            await ReloadAsync();
        }
        await SyncViewerAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            _observer = await js.InvokeAsync<IJSObjectReference>("photoGallery.observeSentinel", _cts.Token, _sentinel, _self);
        }
    }

    /// <summary>Loads the first page afresh; the visible list is swapped in one step, never left half-empty across an await.</summary>
    private async Task ReloadAsync()
    {
        var generation = ++_generation;
        var total = await library.CountAsync(_query.Filter, _cts.Token);
        var page = await library.GetPageAsync(_query, null, PageSize, _cts.Token);
        if (generation != _generation)
            return;
        _tiles.Clear();
        _tiles.AddRange(page.Items);
        _selected.Clear();
        _lastClicked = null;
        _cursor = page.Next;
        _total = total;
        _loadedOnce = true;
    }

    [JSInvokable]
    public async Task LoadMoreAsync()
    {
        if (_loading || !_loadedOnce || _cursor is null)
            return;
        var generation = _generation;
        _loading = true;
        StateHasChanged();
        try
        {
            var page = await library.GetPageAsync(_query, _cursor, PageSize, _cts.Token);
            if (generation != _generation)
                return; // a reload replaced the list meanwhile
            var known = _tiles.Select(t => t.Id).ToHashSet();
            _tiles.AddRange(page.Items.Where(t => !known.Contains(t.Id)));
            _cursor = page.Next;
        }
        finally
        {
            _loading = false;
        }
        StateHasChanged();
    }

    // A batch of hundreds of uploads stores several photos a second: refresh at most about once a second.
    private void OnPhotoStored(Guid id)
    {
        if (Interlocked.Exchange(ref _refreshScheduled, 1) == 1)
            return;
        _ = InvokeAsync(async () =>
        {
            try
            {
                await Task.Delay(TimeSpan.FromSeconds(1), _cts.Token);
                Interlocked.Exchange(ref _refreshScheduled, 0);
                // New photos join in place; keep what the owner is doing (a selection, the viewer) undisturbed.
                if (_selected.Count == 0 && _viewerIndex is null)
                    await ReloadAsync();
                else
                    _total = await library.CountAsync(_query.Filter, _cts.Token);
                StateHasChanged();
            }
            catch (OperationCanceledException)
            {
                // The page was left; nothing to refresh.
            }
        });
    }

    private Task SetFilterAsync(LibraryFilter filter) => NavigateAsync(_query with { Filter = filter }, null);

    private Task SetSortAsync(LibrarySort sort) => NavigateAsync(_query with { Sort = sort }, null);

    private Task ToggleOrderAsync() => NavigateAsync(_query with { Ascending = !_query.Ascending }, null);

    private Task NavigateAsync(LibraryQuery query, Guid? photo, bool replace = false)
    {
        var parameters = new Dictionary<string, object?>
        {
            ["filter"] = query.Filter == LibraryFilter.All ? null : query.Filter.ToString().ToLowerInvariant(),
            ["sort"] = query.Sort == LibrarySort.Taken ? null : query.Sort.ToString().ToLowerInvariant(),
            ["order"] = query.Ascending ? "asc" : null,
            ["photo"] = photo,
        };
        navigation.NavigateTo(navigation.GetUriWithQueryParameters(parameters), replace: replace);
        return Task.CompletedTask;
    }

    private async Task SyncViewerAsync()
    {
        if (PhotoParam is not { } id)
        {
            _viewerIndex = null;
            return;
        }
        var index = _tiles.FindIndex(t => t.Id == id);
        while (index < 0 && _cursor is not null && _tiles.Count < 5000)
        {
            var before = _tiles.Count;
            await LoadMoreAsync();
            if (_tiles.Count == before)
                break;
            index = _tiles.FindIndex(t => t.Id == id);
        }
        _viewerIndex = index >= 0 ? index : null;
        if (index < 0)
            snackbar.Add("That photo is not in this view (it may be in Trash or filtered out).", Severity.Info);
    }

    private async Task OnTileClick(int index, MouseEventArgs e)
    {
        if (index >= _tiles.Count)
            return;
        if (e.ShiftKey || e.CtrlKey || e.MetaKey || _selected.Count > 0)
            ToggleWithShift(index, e);
        else
            await OpenViewerAsync(index);
    }

    private async Task OnTileKey(int index, KeyboardEventArgs e)
    {
        if (index >= _tiles.Count)
            return;
        if (e.Key is "Enter")
            await OpenViewerAsync(index);
        else if (e.Key is " ")
            Toggle(index);
    }

    private void ToggleWithShift(int index, MouseEventArgs e)
    {
        if (index >= _tiles.Count)
            return;
        if (e.ShiftKey && _lastClicked is { } last && last < _tiles.Count)
        {
            var select = !_selected.Contains(_tiles[index].Id) || _selected.Contains(_tiles[last].Id);
            for (var i = Math.Min(last, index); i <= Math.Max(last, index); i++)
            {
                if (select)
                    _selected.Add(_tiles[i].Id);
                else
                    _selected.Remove(_tiles[i].Id);
            }
            _lastClicked = index;
            return;
        }
        Toggle(index);
    }

    private void Toggle(int index)
    {
        var id = _tiles[index].Id;
        if (!_selected.Remove(id))
            _selected.Add(id);
        _lastClicked = index;
    }

    private void SelectDay(DayGroup day, bool select)
    {
        foreach (var i in day.Indexes)
        {
            if (select)
                _selected.Add(_tiles[i].Id);
            else
                _selected.Remove(_tiles[i].Id);
        }
    }

    private void SelectAllLoaded() => _selected.UnionWith(_tiles.Select(t => t.Id));

    private void ClearSelection() => _selected.Clear();

    private async Task DeleteSelectedAsync()
    {
        var count = _selected.Count;
        var confirmed = await dialogs.ShowMessageBoxAsync(
            $"Move {count} {(count == 1 ? "photo" : "photos")} to Trash?",
            "They stay in Trash for the retention period and can be restored from there until then.",
            yesText: "Move to Trash", cancelText: "Cancel");
        if (confirmed != true)
            return;
        var ids = _selected.ToList();
        var moved = await trash.DeleteAsync(ids, _cts.Token);
        RemoveTiles(ids);
        snackbar.Add($"Moved {moved} {(moved == 1 ? "photo" : "photos")} to Trash.", Severity.Success);
    }

    private async Task AddSelectedToAlbumAsync()
    {
        var parameters = new DialogParameters<AddToAlbumDialog> { { d => d.PhotoIds, _selected.ToList() } };
        var dialog = await dialogs.ShowAsync<AddToAlbumDialog>("Add to album", parameters);
        if (await dialog.Result is { Canceled: false })
            _selected.Clear();
    }

    private async Task DownloadSelectedAsync()
    {
        var ticket = downloads.Create([.. _selected]);
        await js.InvokeVoidAsync("photoGallery.download", _cts.Token, $"media/download/{ticket}");
    }

    /// <summary>A share link for the selection, in grid order.</summary>
    private Task ShareSelectedAsync() =>
        ShareDialog.ShowAsync(dialogs, null, [.. _tiles.Where(t => _selected.Contains(t.Id)).Select(t => t.Id)]);

    private void RemoveTiles(IReadOnlyCollection<Guid> ids)
    {
        _tiles.RemoveAll(t => ids.Contains(t.Id));
        _selected.ExceptWith(ids);
        _total = _total is { } t ? Math.Max(0, t - ids.Count) : null;
        _lastClicked = null;
    }

    private Task OpenViewerAsync(int index) =>
        index >= 0 && index < _tiles.Count ? NavigateAsync(_query, _tiles[index].Id, replace: _viewerIndex is not null) : Task.CompletedTask;

    private Task CloseViewerAsync() => NavigateAsync(_query, null);

    private async Task OnViewerDeletedAsync(Guid id)
    {
        var index = _tiles.FindIndex(t => t.Id == id);
        RemoveTiles([id]);
        if (_tiles.Count == 0)
            await CloseViewerAsync();
        else
            await NavigateAsync(_query, _tiles[Math.Min(index, _tiles.Count - 1)].Id, replace: true);
    }

    private static string DayLabel(DateOnly day) =>
        day.ToString(day.Year == DateTime.UtcNow.Year ? "dddd, d MMMM" : "dddd, d MMMM yyyy", CultureInfo.InvariantCulture);

    public async ValueTask DisposeAsync()
    {
        uploads.PhotoStored -= OnPhotoStored;
        await _cts.CancelAsync();
        if (_observer is not null)
        {
            try
            {
                await _observer.InvokeVoidAsync("dispose");
                await _observer.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The tab is gone; nothing to detach.
            }
        }
        _self?.Dispose();
        _cts.Dispose();
    }

    private sealed record DayGroup(DateOnly Day, List<int> Indexes);
}
