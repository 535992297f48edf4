using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PhotoGallery.Core.Security;

/// <summary>
/// Passwords (the owner's, share links'): PBKDF2-HMAC-SHA256 with a random 16-byte salt, stored as
/// <c>v1.{iterations}.{salt base64}.{hash base64}</c> so the cost can be raised later without breaking old links.
/// </summary>
public static class PasswordHashing
{
    public const int MinLength = 4;
    public const int MaxLength = 200;

    private const string Version = "v1";
    private const int Iterations = 600_000;
    private const int SaltBytes = 16;
    private const int HashBytes = 32;

    public static string Hash(string password)
    {
        var salt = RandomNumberGenerator.GetBytes(SaltBytes);
        var hash = Derive(password, salt, Iterations);
        return string.Join('.', Version, Iterations.ToString(CultureInfo.InvariantCulture), Convert.ToBase64String(salt), Convert.ToBase64String(hash));
    }

    /// <summary>Checks a password against a stored hash in constant time; false for any malformed or unknown format.</summary>
    public static bool Verify(string password, string stored)
    {
        var parts = stored.Split('.');
        if (parts.Length != 4 || parts[0] != Version
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var iterations) || iterations < 1)
            return false;
        byte[] salt, expected;
        try
        {
            salt = Convert.FromBase64String(parts[2]);
            expected = Convert.FromBase64String(parts[3]);
        }
        catch (FormatException)
        {
            // A damaged row opens nothing; it is not the visitor's fault, but it must not throw at them either.
            return false;
        }
        var actual = Derive(password, salt, iterations, expected.Length);
        return CryptographicOperations.FixedTimeEquals(actual, expected);
    }

    private static byte[] Derive(string password, byte[] salt, int iterations, int length = HashBytes) =>
        Rfc2898DeriveBytes.Pbkdf2(Encoding.UTF8.GetBytes(password), salt, iterations, HashAlgorithmName.SHA256, length);
}
