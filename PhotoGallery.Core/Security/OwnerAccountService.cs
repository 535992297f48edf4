using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using PhotoGallery.Core.Backends;
using PhotoGallery.Core.Common;
using PhotoGallery.Core.Data;

namespace PhotoGallery.Core.Security;

/// <summary>The owner's password, required when the app listens beyond loopback. Stored hashed in the settings row.</summary>
public sealed class OwnerAccountService(IDbContextFactory<GalleryDbContext> dbFactory, TimeProvider clock, ILogger<OwnerAccountService> logger)
{
    public const int MinPasswordLength = 8;

    public async Task<bool> HasPasswordAsync(CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.AppSettings.AnyAsync(s => s.Id == AppSettings.SingletonId && s.OwnerPasswordHash != null, cancellationToken);
    }

    /// <summary>Sets the first password; refused once one exists (changing it needs the current one).</summary>
    public async Task SetInitialPasswordAsync(string password, string confirmation, CancellationToken cancellationToken)
    {
        Validate(password, confirmation);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.AppSettings.SingleOrDefaultAsync(s => s.Id == AppSettings.SingletonId, cancellationToken);
        if (settings?.OwnerPasswordHash is not null)
            throw new UserFacingException("An owner password is already set. Sign in with it.");
        if (settings is null)
        {
            settings = new AppSettings();
            db.AppSettings.Add(settings);
        }
        settings.OwnerPasswordHash = PasswordHashing.Hash(password);
        settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Owner password set");
    }

    public async Task ChangePasswordAsync(string current, string password, string confirmation, CancellationToken cancellationToken)
    {
        Validate(password, confirmation);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var settings = await db.AppSettings.SingleOrDefaultAsync(s => s.Id == AppSettings.SingletonId, cancellationToken);
        if (settings?.OwnerPasswordHash is not { } hash || !PasswordHashing.Verify(current, hash))
            throw new UserFacingException("The current password is not right.");
        settings.OwnerPasswordHash = PasswordHashing.Hash(password);
        settings.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Owner password changed");
    }

    public async Task<bool> VerifyAsync(string password, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var hash = await db.AppSettings.Where(s => s.Id == AppSettings.SingletonId).Select(s => s.OwnerPasswordHash).SingleOrDefaultAsync(cancellationToken);
        return hash is not null && PasswordHashing.Verify(password, hash);
    }

    private static void Validate(string password, string confirmation)
    {
        if (password.Length < MinPasswordLength)
            throw new UserFacingException($"Choose a password of at least {MinPasswordLength} characters.");
        if (password != confirmation)
            throw new UserFacingException("The two passwords are not the same.");
    }
}
