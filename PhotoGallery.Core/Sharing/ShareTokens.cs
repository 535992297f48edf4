using System.Security.Cryptography;

namespace PhotoGallery.Core.Sharing;

/// <summary>Share tokens: 32 random bytes as URL-safe base64 without padding (43 characters of A–Z a–z 0–9 - _).</summary>
public static class ShareTokens
{
    public const int ByteLength = 32;
    public const int Length = 43;

    public static string Create()
    {
        Span<byte> bytes = stackalloc byte[ByteLength];
        RandomNumberGenerator.Fill(bytes);
        return Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
    }

    /// <summary>True for a string that could be a token; anything else is answered without a database query.</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: Length } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');
}
