using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.Options;
using Microsoft.JSInterop;
using MudBlazor;
using PhotoGallery.Core.Backends;
using PhotoGallery.Core.Backends.InvokeAi.Graphs;
using PhotoGallery.Core.Common;
using PhotoGallery.Core.Generation;
using PhotoGallery.Core.Generation.Sessions;
using PhotoGallery.Core.Generation.Steps;
using PhotoGallery.Core.Generation.Tracking;
using PhotoGallery.Core.Models;
using PhotoGallery.Core.Photos;

namespace PhotoGallery.Web.Components.Pages.Generate;

/// <summary>
/// The guided Generate page: the form on one side, the session's step live on the other. Entry from scratch, from a
/// library photo (<c>?source=</c>), from a generated photo's recipe (<c>?recipe=</c>, <c>&amp;remix=true</c>), or in a
/// session (<c>?session=</c>, continuing from an alternative with <c>&amp;from=</c>). Progress arrives from the singleton
/// notifier; the database is read again on every state change, so reloads and other tabs show the same.
/// </summary>
public sealed partial class Generate(
    StepSubmitter submitter,
    ImageRetriever retriever,
    SessionService sessions,
    SessionQueries queries,
    AiModelService models,
    BackendSettingsService backend,
    PhotoLibrary library,
    GenerationNotifier notifier,
    IOptions<GenerationOptions> options,
    NavigationManager navigation,
    IDialogService dialogs,
    ISnackbar snackbar,
    IJSRuntime js) : IAsyncDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private readonly int _maxBatchSize = options.Value.MaxBatchSize;
    private GenerationForm? _form;
    private IReadOnlyList<AiModel>? _models;
    private Readiness? _readiness;
    private GenerationInput _input = new();
    private SourceInfo? _source;
    private SessionView? _session;
    private Guid? _shownStepId;
    private Guid? _loadedSessionId;
    private string? _loadedQuery;
    private bool _sessionMissing;
    private bool _busy;
    private IReadOnlyDictionary<string, string>? _serverErrors;
    private int _inFlight;
    private int _reloadQueued;
    private int _renderQueued;
    private IDisposable? _subscription;
    private DotNetObjectReference<Generate>? _self;
    private IJSObjectReference? _keys;

    [SupplyParameterFromQuery(Name = "session")] public Guid? SessionParam { get; set; }
    [SupplyParameterFromQuery(Name = "source")] public Guid? SourceParam { get; set; }
    [SupplyParameterFromQuery(Name = "recipe")] public Guid? RecipeParam { get; set; }
    [SupplyParameterFromQuery(Name = "remix")] public bool RemixParam { get; set; }
    [SupplyParameterFromQuery(Name = "from")] public Guid? FromParam { get; set; }

    private StepView? Shown => _session is null ? null : (_shownStepId is { } id ? _session.Step(id) : null) ?? _session.Latest;

    private bool CanSubmit => _readiness is { Problem: null } && _models is { Count: > 0 };

    private string DocumentTitle => _inFlight > 0 ? $"Generate ({_inFlight} in flight)" : "Generate";

    private sealed record Readiness(string? Problem);

    protected override async Task OnInitializedAsync()
    {
        _subscription = notifier.Subscribe(null, OnChangeAsync);
        _models = await LoadModelsAsync();
        _inFlight = await queries.CountInFlightAsync(_cts.Token);
    }

    protected override async Task OnParametersSetAsync()
    {
        var query = navigation.Uri;
        if (query == _loadedQuery)
            return;
        _loadedQuery = query;
        _serverErrors = null;
        if (SessionParam != _loadedSessionId || _session is null && SessionParam is not null)
        {
            _loadedSessionId = SessionParam;
            _shownStepId = null;
            await ReloadSessionAsync();
            if (_session?.Latest is { } latest && FromParam is null)
                _input = RecipeOf(latest, keepSource: true);
        }
        if (SessionParam is null)
        {
            _session = null;
            _sessionMissing = false;
        }

        if (FromParam is { } alternativeId && _session is { } session && FindAlternative(session, alternativeId) is { } found)
            await ContinueFromAsync(found.Alternative);
        else if (SourceParam is { } sourceId)
            await UseSourceAsync(sourceId);
        else if (RecipeParam is { } recipeId)
            await UseRecipeAsync(recipeId);
        else if (SessionParam is null)
            await NewInputAsync();
        await CheckReadinessAsync();
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        if (firstRender)
        {
            _self = DotNetObjectReference.Create(this);
            _keys = await js.InvokeAsync<IJSObjectReference>("photoGallery.attachGenerateKeys", _cts.Token, _self);
        }
    }

    private async Task<IReadOnlyList<AiModel>> LoadModelsAsync() =>
        (await models.ListAsync(new AiModelQuery(null, null, "main", IncludeUnavailable: true), _cts.Token))
        .Where(GenerationDefaults.IsGenerator).ToList();

    private async Task CheckAgainAsync()
    {
        _readiness = null;
        StateHasChanged();
        _models = await LoadModelsAsync();
        await CheckReadinessAsync();
    }

    private async Task CheckReadinessAsync()
    {
        var test = await backend.TestConnectionAsync(_cts.Token);
        string? problem = null;
        if (!test.Reachable)
            problem = $"Nothing can be generated right now: {test.Error} Start InvokeAI, or set its address on the Backend page.";
        else if (test.Access is InvokeAiAccess.SignInNeeded or InvokeAiAccess.TokenRejected)
            problem = "InvokeAI is a multi-user server and wants a sign-in: sign in on the Backend page.";
        else if (_models is not { Count: > 0 } || !_models.Any(m => m.IsAvailable))
        {
            // Reachable but nothing cached yet (a first start): load the models once instead of sending the owner away.
            try
            {
                await models.RefreshAsync(_cts.Token);
                _models = await LoadModelsAsync();
                if (string.IsNullOrEmpty(_input.ModelKey) && GenerationDefaults.Preselect(_models) is { } model)
                    await ApplyModelAsync(model);
            }
            catch (UserFacingException ex)
            {
                problem = "The model list could not be loaded: " + ex.Message;
            }
            if (problem is null && !(_models?.Any(m => m.IsAvailable) ?? false))
                problem = "InvokeAI has no SD 1.x, SD 2, SDXL or FLUX main model installed. Install one in InvokeAI, then refresh the Models page.";
        }
        _readiness = new Readiness(problem);
    }

    private async Task NewInputAsync()
    {
        _source = null;
        _input = new GenerationInput();
        if (GenerationDefaults.Preselect(_models ?? []) is { } model)
            await ApplyModelAsync(model);
    }

    private async Task ApplyModelAsync(AiModel model)
    {
        _input.ModelKey = model.Key;
        var flux = model.Base == ModelBases.Flux;
        GenerationDefaults.Apply(_input, model,
            flux ? null : await models.GetVaeChoicesAsync(model, _cts.Token),
            flux ? await models.GetFluxComponentsAsync(_cts.Token) : null,
            _source is { } s ? (s.Width, s.Height) : null);
    }

    private async Task UseSourceAsync(Guid photoId)
    {
        var photo = await library.GetDetailsAsync(photoId, _cts.Token);
        if (photo is null || photo.DeletedAt is not null)
        {
            snackbar.Add("That photo is not in the library (any more), so it cannot be a source.", Severity.Warning);
            await NewInputAsync();
            return;
        }
        var keep = _input.Prompt;
        _source = new SourceInfo(photo.Id, photo.Width, photo.Height, photo.OriginalFileName);
        _input = new GenerationInput { Prompt = photo.Prompt ?? keep, NegativePrompt = photo.NegativePrompt ?? "" };
        if (GenerationDefaults.Preselect(_models ?? []) is { } model)
            await ApplyModelAsync(model);
        _input.SourcePhotoId = photo.Id;
    }

    private async Task UseRecipeAsync(Guid photoId)
    {
        var recipe = await queries.GetRecipeAsync(photoId, RemixParam, _cts.Token);
        if (recipe is null)
        {
            snackbar.Add("That photo has no recipe to reuse.", Severity.Warning);
            await NewInputAsync();
            return;
        }
        _input = recipe;
        _source = null;
        if (recipe.SourcePhotoId is { } sourceId && await library.GetDetailsAsync(sourceId, _cts.Token) is { DeletedAt: null } source)
            _source = new SourceInfo(source.Id, source.Width, source.Height, source.OriginalFileName);
        else
            _input.SourcePhotoId = null;
    }

    private GenerationInput RecipeOf(StepView step, bool keepSource)
    {
        var input = StepRecipe.ToInput(step.Prompt, step.NegativePrompt, step.ModelKey, step.Parameters, keepSource ? step.SourcePhotoId : null);
        input.RandomSeed = true;
        input.BatchSize = step.BatchSize;
        input.ParentAlternativeId = keepSource ? step.ParentAlternativeId : null;
        _source = keepSource && step.SourcePhotoId is { } sourceId && step.SourceAvailable
            ? new SourceInfo(sourceId, step.Parameters.Width, step.Parameters.Height, step.ParentAlternativeId is { } parent ? _session?.LabelOf(parent) ?? "an earlier image" : "a library photo")
            : null;
        if (_source is null)
            input.SourcePhotoId = null;
        return input;
    }

    private static (StepView Step, AlternativeView Alternative)? FindAlternative(SessionView session, Guid alternativeId) =>
        session.Steps.SelectMany(s => s.Alternatives.Select(a => (s, a))).Where(x => x.a.Id == alternativeId).Select(x => ((StepView, AlternativeView)?)x).FirstOrDefault();

    private async Task ReloadSessionAsync()
    {
        if (SessionParam is not { } id)
            return;
        _session = await queries.GetAsync(id, _cts.Token);
        _sessionMissing = _session is null;
    }

    private Task OnChangeAsync(GenerationChange change) => InvokeAsync(async () =>
    {
        if (change.Kind == GenerationChangeKind.Progress)
        {
            if (change.SessionId == _session?.Id && Interlocked.Exchange(ref _renderQueued, 1) == 0)
            {
                await Task.Delay(100);
                _renderQueued = 0;
                StateHasChanged();
            }
            return;
        }
        if (Interlocked.Exchange(ref _reloadQueued, 1) == 1)
            return;
        // Coalesce a burst (ten images finishing together) into one read.
        await Task.Delay(50);
        _reloadQueued = 0;
        if (_cts.IsCancellationRequested)
            return;
        _inFlight = await queries.CountInFlightAsync(_cts.Token);
        if (change.SessionId == _session?.Id)
            await ReloadSessionAsync();
        StateHasChanged();
    });

    private async Task SubmitAsync()
    {
        await RunAsync(async () =>
        {
            var sessionId = _session is { Status: SessionStatus.Active } active ? active.Id : (Guid?)null;
            var input = _input.Clone();
            if (sessionId is null)
                input.ParentAlternativeId = null;
            var step = await submitter.SubmitAsync(sessionId, input, _cts.Token);
            _serverErrors = null;
            _shownStepId = step.StepId;
            if (step.SessionId != _session?.Id)
                navigation.NavigateTo($"generate?session={step.SessionId}", replace: sessionId is null && SessionParam is null);
            else
                await ReloadSessionAsync();
        });
    }

    private async Task SelectAsync(AlternativeView alternative) =>
        await RunAsync(() => sessions.SelectAsync(alternative.Id, _cts.Token), reload: true);

    /// <summary>img2img from the alternative, its step's prompt and settings kept, the new step's parent this alternative.</summary>
    private async Task ContinueFromAsync(AlternativeView alternative)
    {
        if (_session is null || FindAlternative(_session, alternative.Id) is not { } found || !alternative.Usable)
            return;
        var step = found.Step;
        _input = StepRecipe.ToInput(step.Prompt, step.NegativePrompt, step.ModelKey, step.Parameters, alternative.PhotoId);
        _input.RandomSeed = true;
        _input.BatchSize = step.BatchSize;
        _input.Strength = step.Parameters.Strength ?? 0.5;
        _input.ParentAlternativeId = alternative.Id;
        _source = new SourceInfo(alternative.PhotoId!.Value, step.Parameters.Width, step.Parameters.Height, _session.LabelOf(alternative.Id) ?? "");
        StateHasChanged();
        if (_form is not null)
            await _form.FocusPromptAsync();
    }

    private async Task CompleteAsync(AlternativeView alternative)
    {
        if (_session is null)
            return;
        var others = _session.Steps.SelectMany(s => s.Alternatives).Count(a => a.Usable && !a.Selected && a.Id != alternative.Id);
        var parameters = new DialogParameters<CompleteSessionDialog>
        {
            { d => d.OtherImages, others },
            { d => d.TrashUnselected, options.Value.TrashUnselectedOnComplete },
        };
        var dialog = await dialogs.ShowAsync<CompleteSessionDialog>("Complete session", parameters);
        if (await dialog.Result is not { Canceled: false, Data: bool trashOthers })
            return;
        await RunAsync(async () =>
        {
            var photoId = await sessions.CompleteAsync(_session.Id, alternative.Id, trashOthers, _cts.Token);
            snackbar.Add("Session completed: the image is in your library.", Severity.Success);
            navigation.NavigateTo($"./?photo={photoId}");
        });
    }

    private async Task AbandonAsync()
    {
        if (_session is null)
            return;
        var confirmed = await dialogs.ShowMessageBoxAsync("Abandon session?",
            "Images still being made are canceled. Every image already made stays in your library.", yesText: "Abandon", cancelText: "Keep going");
        if (confirmed == true)
            await RunAsync(() => sessions.AbandonAsync(_session.Id, _cts.Token), reload: true);
    }

    private Task ReopenAsync() => _session is null ? Task.CompletedTask : RunAsync(() => sessions.ReopenAsync(_session.Id, _cts.Token), reload: true);

    private Task CancelAsync() => Shown is { } step ? RunAsync(() => submitter.CancelAsync(step.Id, _cts.Token), reload: true) : Task.CompletedTask;

    private Task RunAgainAsync() => Shown is { } step ? RunAsync(() => submitter.RunAgainAsync(step.Id, _cts.Token), reload: true) : Task.CompletedTask;

    private Task RetryAsync() => Shown is { } step ? RunAsync(() => retriever.RetryAsync(step.Id, _cts.Token), reload: true) : Task.CompletedTask;

    private Task SameSettingsAsync() => Shown is { } step
        ? RunAsync(async () =>
        {
            var next = await submitter.SameSettingsAsync(step.Id, _cts.Token);
            _shownStepId = next.StepId;
            await ReloadSessionAsync();
        })
        : Task.CompletedTask;

    private void ShowStep(Guid stepId) => _shownStepId = stepId;

    private void ClearSource()
    {
        _source = null;
        _input.SourcePhotoId = null;
        _input.ParentAlternativeId = null;
    }

    /// <summary>1–9 and 0 select alternative 1–10, ←/→ move the selection, Enter continues from it.</summary>
    [JSInvokable]
    public Task OnGenerateKey(string key) => InvokeAsync(async () =>
    {
        if (Shown is not { } step || _busy || _session?.Status != SessionStatus.Active)
            return;
        var usable = step.Alternatives.Where(a => a.Usable).ToList();
        var current = step.Selected;
        switch (key)
        {
            case "Enter" when current is { Usable: true }:
                await ContinueFromAsync(current);
                break;
            case "ArrowLeft" or "ArrowRight" when usable.Count > 0:
                var index = current is null ? -1 : usable.FindIndex(a => a.Id == current.Id);
                var next = key == "ArrowRight" ? Math.Min(usable.Count - 1, index + 1) : Math.Max(0, index < 0 ? 0 : index - 1);
                await SelectAsync(usable[next]);
                break;
            case { Length: 1 } digit when char.IsAsciiDigit(digit[0]):
                var position = digit[0] == '0' ? 9 : digit[0] - '1';
                if (step.Alternatives.FirstOrDefault(a => a.Position == position) is { Usable: true } chosen)
                    await SelectAsync(chosen);
                break;
        }
        StateHasChanged();
    });

    private async Task RunAsync(Func<Task> action, bool reload = false)
    {
        _busy = true;
        try
        {
            await action();
            if (reload)
                await ReloadSessionAsync();
        }
        catch (GenerationValidationException ex)
        {
            _serverErrors = ex.Errors;
        }
        catch (UserFacingException ex)
        {
            snackbar.Add(ex.Message, Severity.Error);
        }
        finally
        {
            _busy = false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        _subscription?.Dispose();
        await _cts.CancelAsync();
        if (_keys is not null)
        {
            try
            {
                await _keys.InvokeVoidAsync("dispose");
                await _keys.DisposeAsync();
            }
            catch (JSDisconnectedException)
            {
                // The tab is gone; its listener went with it.
            }
        }
        _self?.Dispose();
        _cts.Dispose();
    }
}
