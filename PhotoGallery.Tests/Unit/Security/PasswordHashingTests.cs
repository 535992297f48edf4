using PhotoGallery.Core.Security;
using PhotoGallery.Web.Components.Pages.Account;

namespace PhotoGallery.Tests.Unit.Security;

public sealed class PasswordHashingTests
{
    [Fact]
    public void Hash_SamePasswordTwice_GivesDifferentSaltedHashesThatBothVerify()
    {
        var a = PasswordHashing.Hash("correct horse");
        var b = PasswordHashing.Hash("correct horse");

        Assert.NotEqual(a, b);
        Assert.StartsWith("pbkdf2-sha256$", a);
        Assert.DoesNotContain("correct horse", a);
        Assert.True(PasswordHashing.Verify("correct horse", a));
        Assert.True(PasswordHashing.Verify("correct horse", b));
    }

    [Theory]
    [InlineData("Correct horse")]
    [InlineData("")]
    [InlineData("correct horse ")]
    public void Verify_WrongPassword_IsFalse(string attempt) =>
        Assert.False(PasswordHashing.Verify(attempt, PasswordHashing.Hash("correct horse")));

    [Theory]
    [InlineData("")]
    [InlineData("plain text")]
    [InlineData("pbkdf2-sha256$x$y$z")]
    [InlineData("md5$1$abc$def")]
    public void Verify_MalformedStoredValue_IsFalse(string stored) =>
        Assert.False(PasswordHashing.Verify("anything", stored));

    [Theory]
    [InlineData("/albums?x=1", "/albums?x=1")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData(null, "/")]
    public void SafeReturnUrl_AnyInput_StaysOnThisSite(string? input, string expected) =>
        Assert.Equal(expected, Login.SafeReturnUrl(input));
}
