using MudBlazor;
using PhotoGallery.Core.Backends;
using PhotoGallery.Core.Common;

namespace PhotoGallery.Web.Components.Pages.Backends;

public partial class Backend(BackendSettingsService backendSettings, ISnackbar snackbar) : IDisposable
{
    private readonly CancellationTokenSource _cts = new();
    private InvokeAiConnectionSettings? _settings;
    private string _urlInput = "";
    private string? _urlError;
    private InvokeAiConnectionTest? _test;
    private string? _signInError;
    private bool _busy;
    private bool _testing;

    private string SourceText => _settings!.Source == InvokeAiUrlSource.Saved
        ? $"Saved on this page; it wins over the configured {_settings.ConfiguredUrl}."
        : "Configured default: InvokeAi:LocalUrl from appsettings.json, the INVOKEAI_LOCAL_URL environment variable or the command line.";

    // A multi-user server needs the sign-in form; a saved token keeps it visible so it can be forgotten.
    private bool ShowSignIn => _settings is { HasToken: true } || _test?.MultiUser == true;

    protected override async Task OnInitializedAsync()
    {
        _settings = await backendSettings.GetAsync(_cts.Token);
        _urlInput = _settings.EffectiveUrl;
    }

    private void OnUrlInputChanged(string? value)
    {
        _urlInput = value ?? "";
        _urlError = null;
    }

    private Task SaveUrlAsync() => RunAsync(async () =>
    {
        _urlError = BackendSettingsService.ValidateUrl(_urlInput);
        if (_urlError is not null)
            return;
        try
        {
            var hadToken = _settings!.HasToken;
            _settings = await backendSettings.SaveUrlAsync(_urlInput, _cts.Token);
            _urlInput = _settings.EffectiveUrl;
            _test = null;
            snackbar.Add(hadToken && !_settings.HasToken ? "URL saved. The sign-in token of the old server was forgotten." : "URL saved.", Severity.Success);
        }
        catch (UserFacingException ex)
        {
            _urlError = ex.Message;
        }
    });

    private Task ResetUrlAsync() => RunAsync(async () =>
    {
        _settings = await backendSettings.ResetUrlAsync(_cts.Token);
        _urlInput = _settings.EffectiveUrl;
        _urlError = null;
        _test = null;
        snackbar.Add("Using the configured URL again.", Severity.Success);
    });

    private Task TestConnectionAsync() => RunAsync(async () =>
    {
        _testing = true;
        try
        {
            _test = await backendSettings.TestConnectionAsync(_cts.Token);
        }
        finally
        {
            _testing = false;
        }
    });

    private Task SignInAsync(SignInRequest request) => RunAsync(async () =>
    {
        try
        {
            await backendSettings.SignInAsync(request, _cts.Token);
            _signInError = null;
            _settings = await backendSettings.GetAsync(_cts.Token);
            _test = await backendSettings.TestConnectionAsync(_cts.Token);
            snackbar.Add("Signed in. The token is saved encrypted.", Severity.Success);
        }
        catch (UserFacingException ex)
        {
            _signInError = ex.Message;
        }
    });

    private Task ForgetTokenAsync() => RunAsync(async () =>
    {
        await backendSettings.ForgetTokenAsync(_cts.Token);
        _settings = await backendSettings.GetAsync(_cts.Token);
        _signInError = null;
        _test = null;
        snackbar.Add("Token forgotten.", Severity.Info);
    });

    /// <summary>One action at a time: every control is disabled while it runs.</summary>
    private async Task RunAsync(Func<Task> action)
    {
        _busy = true;
        try
        {
            await action();
        }
        finally
        {
            _busy = false;
        }
    }

    public void Dispose()
    {
        _cts.Cancel();
        _cts.Dispose();
    }
}
