using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Common;
using PhotoGallery.Core.Data;

namespace PhotoGallery.Core.Backends;

/// <summary>
/// The Backend page's InvokeAI connection: the URL saved over the configured one, the connection test and the
/// multi-user sign-in. The token is only ever handled encrypted by <see cref="ActiveBackend"/>.
/// </summary>
public sealed class BackendSettingsService(
    IDbContextFactory<GalleryDbContext> dbFactory,
    ActiveBackend backend,
    InvokeAiClient client,
    IOptions<InvokeAiOptions> options,
    TimeProvider clock,
    ILogger<BackendSettingsService> logger)
{
    private const int MaxUrlLength = 500;

    public async Task<InvokeAiConnectionSettings> GetAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var row = await db.AppSettings.AsNoTracking()
            .Where(s => s.Id == AppSettings.SingletonId)
            .Select(s => new { s.LocalUrl, HasToken = s.InvokeAiTokenProtected != null })
            .FirstOrDefaultAsync(cancellationToken);
        var configured = options.Value.LocalUrl;
        // The same rule as ActiveBackend: a saved value that is not a usable URL is ignored.
        return row?.LocalUrl is { Length: > 0 } saved && InvokeAiOptionsValidator.IsHttpUrl(saved)
            ? new InvokeAiConnectionSettings(saved, InvokeAiUrlSource.Saved, configured, row.HasToken)
            : new InvokeAiConnectionSettings(configured, InvokeAiUrlSource.Configuration, configured, row?.HasToken ?? false);
    }

    /// <summary>The reason a URL cannot be saved, or null when it can.</summary>
    public static string? ValidateUrl(string? value)
    {
        var text = value?.Trim();
        if (string.IsNullOrEmpty(text))
            return "Enter the InvokeAI URL, for example http://localhost:9090.";
        if (text.Length > MaxUrlLength)
            return $"The URL is longer than {MaxUrlLength} characters.";
        if (!InvokeAiOptionsValidator.IsHttpUrl(text))
            return "Enter an absolute http:// or https:// URL, for example http://192.168.1.20:9090.";
        var uri = new Uri(text);
        if (uri.UserInfo.Length > 0)
            return "Leave user names and passwords out of the URL; use the sign-in form for a multi-user InvokeAI.";
        if (uri.Query.Length > 0 || uri.Fragment.Length > 0)
            return "The URL cannot have a query (?…) or fragment (#…); give the server's base address.";
        return null;
    }

    /// <summary>Saves the URL over the configured one. A different server forgets the saved token (it was issued by the old one).</summary>
    public async Task<InvokeAiConnectionSettings> SaveUrlAsync(string url, CancellationToken cancellationToken)
    {
        if (ValidateUrl(url) is { } problem)
            throw new UserFacingException(problem);
        var normalized = url.Trim().TrimEnd('/');
        var before = await GetAsync(cancellationToken);
        await UpdateAsync(settings =>
        {
            settings.LocalUrl = normalized;
            if (!SameServer(before.EffectiveUrl, normalized))
                settings.InvokeAiTokenProtected = null;
        }, cancellationToken);
        logger.LogInformation("InvokeAI URL saved: {InvokeAiUrl}", normalized);
        return await GetAsync(cancellationToken);
    }

    /// <summary>Drops the saved URL so the configured one (appsettings.json / INVOKEAI_LOCAL_URL) applies again.</summary>
    public async Task<InvokeAiConnectionSettings> ResetUrlAsync(CancellationToken cancellationToken)
    {
        var before = await GetAsync(cancellationToken);
        var configured = options.Value.LocalUrl;
        await UpdateAsync(settings =>
        {
            settings.LocalUrl = null;
            if (!SameServer(before.EffectiveUrl, configured))
                settings.InvokeAiTokenProtected = null;
        }, cancellationToken);
        logger.LogInformation("InvokeAI URL reset to the configured {InvokeAiUrl}", configured);
        return await GetAsync(cancellationToken);
    }

    /// <summary>Asks the server for its version, auth mode and queue; every InvokeAI failure becomes a readable result.</summary>
    public async Task<InvokeAiConnectionTest> TestConnectionAsync(CancellationToken cancellationToken)
    {
        var endpoint = await backend.GetEndpointAsync(cancellationToken);
        var url = endpoint.BaseUri.ToString().TrimEnd('/');
        string version;
        bool multiUser;
        try
        {
            version = await client.GetVersionAsync(cancellationToken);
            multiUser = await GetMultiUserAsync(cancellationToken);
        }
        catch (InvokeAiException ex)
        {
            logger.LogWarning("InvokeAI connection test against {InvokeAiUrl} failed: {Reason}", url, ex.Message);
            return InvokeAiConnectionTest.Failed(url, ex.Message);
        }

        try
        {
            var queue = await client.GetQueueStatusAsync(cancellationToken);
            return new InvokeAiConnectionTest(url, version, multiUser, multiUser ? InvokeAiAccess.SignedIn : InvokeAiAccess.Open, queue.IsStarted, null);
        }
        catch (InvokeAiAuthenticationException ex)
        {
            var access = endpoint.Token is null ? InvokeAiAccess.SignInNeeded : InvokeAiAccess.TokenRejected;
            logger.LogInformation("InvokeAI {InvokeAiVersion} at {InvokeAiUrl} needs a sign-in ({Access})", version, url, access);
            return new InvokeAiConnectionTest(url, version, true, access, null, ex.Message);
        }
        catch (InvokeAiException ex)
        {
            logger.LogWarning("InvokeAI {InvokeAiVersion} at {InvokeAiUrl} answered, but its queue did not: {Reason}", version, url, ex.Message);
            return new InvokeAiConnectionTest(url, version, multiUser, InvokeAiAccess.Unknown, null, ex.Message);
        }
    }

    /// <summary>Logs in to a multi-user InvokeAI; the client saves the token encrypted. Wrong credentials throw a readable error.</summary>
    public async Task SignInAsync(SignInRequest request, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(request.Email) || string.IsNullOrEmpty(request.Password))
            throw new UserFacingException("Enter the email and password of your InvokeAI account.");
        await client.LoginAsync(request.Email.Trim(), request.Password, cancellationToken);
        logger.LogInformation("Signed in to InvokeAI; token saved");
    }

    public async Task ForgetTokenAsync(CancellationToken cancellationToken)
    {
        await backend.SaveTokenAsync(null, cancellationToken);
        logger.LogInformation("InvokeAI token forgotten");
    }

    private async Task<bool> GetMultiUserAsync(CancellationToken cancellationToken)
    {
        try
        {
            return (await client.GetAuthStatusAsync(cancellationToken)).MultiUser;
        }
        catch (InvokeAiException ex) when (ex.StatusCode == 404)
        {
            // InvokeAI before the multi-user release has no auth route: it is single-user.
            logger.LogDebug("InvokeAI has no auth status route; treating it as single-user");
            return false;
        }
    }

    private async Task UpdateAsync(Action<AppSettings> change, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.AppSettings.FirstOrDefaultAsync(s => s.Id == AppSettings.SingletonId, cancellationToken);
        if (settings is null)
        {
            settings = new AppSettings();
            db.AppSettings.Add(settings);
        }
        change(settings);
        settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    private static bool SameServer(string a, string b) =>
        Uri.TryCreate(a.TrimEnd('/') + "/", UriKind.Absolute, out var x) && Uri.TryCreate(b.TrimEnd('/') + "/", UriKind.Absolute, out var y) && x == y;
}
