using System.Security.Cryptography;

namespace PhotoGallery.Web.Security;

/// <summary>
/// Whether owner pages need a login in this run, and the one-time code that lets a remote browser set the first
/// password (a browser on this machine needs no code).
/// </summary>
public sealed class OwnerProtection(bool enabled)
{
    public const string Scheme = "Owner";
    public const string CookieName = "pg_owner";

    public bool Enabled { get; } = enabled;

    public string SetupCode { get; } = Convert.ToHexString(RandomNumberGenerator.GetBytes(4));

    public bool IsSetupCodeValid(string? code) =>
        code is not null && CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.ASCII.GetBytes(code.Trim().ToUpperInvariant()), System.Text.Encoding.ASCII.GetBytes(SetupCode));
}
