using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.DataProtection;

namespace PhotoGallery.Core.Sharing;

/// <summary>
/// The value of the cookie a visitor gets after entering a link's password: the link id and a stamp of the current
/// password hash, protected with ASP.NET Data Protection and time-limited. A new password (new salt, new hash) gives
/// a new stamp, so every earlier cookie stops working.
/// </summary>
public sealed class ShareAccessGrants(IDataProtectionProvider dataProtection)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromDays(7);

    private readonly ITimeLimitedDataProtector _protector =
        dataProtection.CreateProtector("PhotoGallery.Sharing.AccessGrant.v1").ToTimeLimitedDataProtector();

    public string Issue(Guid linkId, string passwordHash) => _protector.Protect(Payload(linkId, passwordHash), Lifetime);

    public bool Verify(Guid linkId, string passwordHash, string? grant)
    {
        if (string.IsNullOrEmpty(grant))
            return false;
        string payload;
        try
        {
            payload = _protector.Unprotect(grant);
        }
        catch (CryptographicException)
        {
            // Tampered, expired or made with other keys: the visitor is simply asked for the password again.
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(payload), Encoding.UTF8.GetBytes(Payload(linkId, passwordHash)));
    }

    private static string Payload(Guid linkId, string passwordHash) =>
        linkId.ToString("N") + ":" + Convert.ToBase64String(SHA256.HashData(Encoding.UTF8.GetBytes(passwordHash)));
}
