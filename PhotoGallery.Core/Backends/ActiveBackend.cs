using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PhotoGallery.Core.Data;

namespace PhotoGallery.Core.Backends;

/// <summary>
/// Tells the InvokeAI client where the backend is on every call: the URL changes at run time (local box or a
/// RunPod pod's proxy). For now the local URL saved in the UI wins over <see cref="InvokeAiOptions.LocalUrl"/>;
/// the pod switch plugs in here.
/// </summary>
public sealed class ActiveBackend(
    IDbContextFactory<GalleryDbContext> dbFactory,
    IOptions<InvokeAiOptions> options,
    IDataProtectionProvider protection,
    TimeProvider clock,
    ILogger<ActiveBackend> logger)
{
    /// <summary>Data Protection purpose of <see cref="AppSettings.InvokeAiTokenProtected"/>.</summary>
    public const string TokenPurpose = "PhotoGallery.InvokeAi.Token";

    private readonly IDataProtector _protector = protection.CreateProtector(TokenPurpose);

    public async Task<BackendEndpoint> GetEndpointAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.AppSettings.AsNoTracking()
            .Where(s => s.Id == AppSettings.SingletonId)
            .Select(s => new { s.LocalUrl, s.InvokeAiTokenProtected })
            .FirstOrDefaultAsync(cancellationToken);
        var url = settings?.LocalUrl is { Length: > 0 } saved && InvokeAiOptionsValidator.IsHttpUrl(saved) ? saved : options.Value.LocalUrl;
        return new BackendEndpoint(new Uri(url.TrimEnd('/') + "/"), Unprotect(settings?.InvokeAiTokenProtected));
    }

    /// <summary>Saves the multi-user token (encrypted); null clears it.</summary>
    public async Task SaveTokenAsync(string? token, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.AppSettings.FirstOrDefaultAsync(s => s.Id == AppSettings.SingletonId, cancellationToken);
        if (settings is null)
        {
            settings = new AppSettings();
            db.AppSettings.Add(settings);
        }
        settings.InvokeAiTokenProtected = string.IsNullOrEmpty(token) ? null : _protector.Protect(token);
        settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
    }

    private string? Unprotect(string? protectedToken)
    {
        if (string.IsNullOrEmpty(protectedToken))
            return null;
        try
        {
            return _protector.Unprotect(protectedToken);
        }
        catch (System.Security.Cryptography.CryptographicException ex)
        {
            // Keys were lost or rotated away: calling without a token yields a clear 401 for the owner to fix.
            logger.LogWarning(ex, "The saved InvokeAI token cannot be decrypted; calling without it");
            return null;
        }
    }
}
