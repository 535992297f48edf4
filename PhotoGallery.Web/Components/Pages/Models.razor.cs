using Microsoft.AspNetCore.Components;
using MudBlazor;
using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Models;

namespace PhotoGallery.Web.Components.Pages;

public partial class Models(AiModelService models, ModelRefreshState refreshState, ISnackbar snackbar, TimeProvider clock, ILogger<Models> logger)
{
    private const string AllValue = "";
    private readonly CancellationTokenSource _cts = new();
    private IReadOnlyList<AiModel> _models = [];
    private IReadOnlyList<string> _bases = [];
    private IReadOnlyList<string> _types = [];
    private string _search = "";
    private string _base = AllValue;
    private string _type = AllValue;
    private bool _includeUnavailable;
    private bool _loading = true;
    private bool _refreshing;
    private string? _refreshError;
    private DateTime? _lastRefresh;

    private bool HasFilters => _search.Length > 0 || _base.Length > 0 || _type.Length > 0;

    private string LastRefreshText => _lastRefresh is { } at
        ? $"Last refresh {at.ToLocalTime():g} ({Ago(clock.GetUtcNow().UtcDateTime - at)})"
        : "Never refreshed";

    protected override async Task OnInitializedAsync()
    {
        var snapshot = refreshState.Current;
        _refreshError = snapshot.LastError;
        await LoadAsync();
    }

    private async Task LoadAsync()
    {
        _loading = true;
        try
        {
            var query = new AiModelQuery(_search, NullIfAll(_base), NullIfAll(_type), _includeUnavailable);
            _models = await models.ListAsync(query, _cts.Token);
            (_bases, _types) = await models.GetFacetsAsync(_cts.Token);
            _lastRefresh = refreshState.Current.LastRefreshAt ?? await models.GetLastCachedAtAsync(_cts.Token);
        }
        finally
        {
            _loading = false;
        }
    }

    private async Task RefreshAsync()
    {
        _refreshing = true;
        try
        {
            var count = await models.RefreshAsync(_cts.Token);
            _refreshError = null;
            snackbar.Add($"{count} models loaded from InvokeAI", Severity.Success);
        }
        catch (InvokeAiException ex)
        {
            logger.LogWarning("Model refresh from the Models page failed: {Reason}", ex.Message);
            _refreshError = ex.Message;
            snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            _refreshing = false;
        }
        await LoadAsync();
    }

    private async Task ToggleFavoriteAsync(AiModel model, bool isFavorite)
    {
        await models.SetFavoriteAsync(model.Key, isFavorite, _cts.Token);
        await LoadAsync();
    }

    private Task OnSearchChanged(string? value)
    {
        _search = value ?? "";
        return LoadAsync();
    }

    private Task OnBaseChanged(string? value)
    {
        _base = value ?? AllValue;
        return LoadAsync();
    }

    private Task OnTypeChanged(string? value)
    {
        _type = value ?? AllValue;
        return LoadAsync();
    }

    private Task OnIncludeUnavailableChanged(bool value)
    {
        _includeUnavailable = value;
        return LoadAsync();
    }

    private static string? NullIfAll(string value) => value.Length == 0 ? null : value;

    private static string Ago(TimeSpan age) => age.TotalMinutes < 1 ? "just now"
        : age.TotalHours < 1 ? $"{(int)age.TotalMinutes} min ago"
        : age.TotalDays < 1 ? $"{(int)age.TotalHours} h ago"
        : $"{(int)age.TotalDays} d ago";

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
