using Microsoft.AspNetCore.Components;
using MudBlazor;
using PhotoGallery.Core.Backends.InvokeAi.Graphs;
using PhotoGallery.Core.Generation.Steps;
using PhotoGallery.Core.Models;

namespace PhotoGallery.Web.Components.Pages.Generate;

/// <summary>
/// The step form: model (favourites first, base badges, unavailable ones disabled), prompt with history, size presets
/// per base, sampler settings, seed, batch size, img2img strength and the model's parts. Every rule is checked as the
/// owner types, with the message beside its field; the prompt's only after the first try.
/// </summary>
public sealed partial class GenerationForm(AiModelService models, IDialogService dialogs) : IDisposable
{
    private const string Custom = "custom";
    private readonly CancellationTokenSource _cts = new();
    private MudTextField<string>? _prompt;
    private VaeChoices? _vaes;
    private FluxComponentChoices? _flux;
    private string? _partsFor;
    private bool _tried;

    [Parameter, EditorRequired] public GenerationInput Input { get; set; } = new();
    [Parameter, EditorRequired] public IReadOnlyList<AiModel> Models { get; set; } = [];
    [Parameter] public int MaxBatchSize { get; set; } = 10;
    [Parameter] public bool Busy { get; set; }
    [Parameter] public bool CanSubmit { get; set; } = true;
    [Parameter] public SourceInfo? Source { get; set; }
    [Parameter] public IReadOnlyDictionary<string, string>? ServerErrors { get; set; }
    [Parameter] public EventCallback OnSubmit { get; set; }
    [Parameter] public EventCallback OnClearSource { get; set; }

    private AiModel? Model => Models.FirstOrDefault(m => m.Key == Input.ModelKey);
    private string Base => Model?.Base ?? ModelBases.Sd1;
    private bool IsFlux => Base == ModelBases.Flux;
    private BaseLimits Limits => BaseLimits.For(Base);

    private string PresetValue => Limits.Presets.Any(p => p.Width == Input.Width && p.Height == Input.Height) ? $"{Input.Width}x{Input.Height}" : Custom;

    private string? SourceAspectHint
    {
        get
        {
            if (Source is not { } source)
                return null;
            var sourceAspect = source.Width / (double)source.Height;
            var aspect = Input.Width / (double)Math.Max(1, Input.Height);
            return Math.Abs(sourceAspect - aspect) > 0.02
                ? "This size has another shape than the source: the source is centre-cropped to fill it, never stretched."
                : null;
        }
    }

    private IReadOnlyDictionary<string, string> Errors => GenerationInputValidator.Validate(Input, Model, MaxBatchSize);

    protected override async Task OnParametersSetAsync()
    {
        if (Model is { } model && _partsFor != model.Key)
            await LoadPartsAsync(model, applyDefaults: false);
    }

    /// <summary>Puts the cursor in the prompt (after "Continue from this image").</summary>
    public async Task FocusPromptAsync()
    {
        if (_prompt is not null)
            await _prompt.FocusAsync();
    }

    private bool Has(string field) => Message(field) is not null;

    private string? Message(string field)
    {
        if (ServerErrors?.TryGetValue(field, out var server) == true)
            return server;
        if (field == GenerationField.Prompt && !_tried)
            return null;
        return Errors.TryGetValue(field, out var message) ? message : null;
    }

    private async Task SubmitAsync()
    {
        _tried = true;
        if (Errors.Count == 0 && CanSubmit && !Busy)
            await OnSubmit.InvokeAsync();
    }

    /// <summary>A new model brings its defaults: size (the source's shape for img2img), steps, CFG, scheduler and parts.</summary>
    private async Task OnModelChangedAsync(string key)
    {
        Input.ModelKey = key;
        if (Model is { } model)
            await LoadPartsAsync(model, applyDefaults: true);
    }

    private async Task LoadPartsAsync(AiModel model, bool applyDefaults)
    {
        _partsFor = model.Key;
        if (model.Base == ModelBases.Flux)
        {
            _flux = await models.GetFluxComponentsAsync(_cts.Token);
            _vaes = null;
        }
        else
        {
            _vaes = await models.GetVaeChoicesAsync(model, _cts.Token);
            _flux = null;
        }
        if (applyDefaults)
            ApplyDefaults(model);
    }

    private void ApplyDefaults(AiModel model) =>
        GenerationDefaults.Apply(Input, model, _vaes, _flux, Source is { } source ? (source.Width, source.Height) : null);

    private void OnPresetChanged(string value)
    {
        if (value == Custom)
            return;
        var parts = value.Split('x');
        Input.Width = int.Parse(parts[0], System.Globalization.CultureInfo.InvariantCulture);
        Input.Height = int.Parse(parts[1], System.Globalization.CultureInfo.InvariantCulture);
    }

    private void ClearNegative() => Input.NegativePrompt = "";

    private async Task OpenHistoryAsync()
    {
        var dialog = await dialogs.ShowAsync<PromptHistoryDialog>("Prompt history", new DialogOptions { MaxWidth = MaxWidth.Medium, FullWidth = true, CloseOnEscapeKey = true });
        var result = await dialog.Result;
        if (result is { Canceled: false, Data: string prompt })
        {
            Input.Prompt = prompt;
            await FocusPromptAsync();
        }
    }

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
