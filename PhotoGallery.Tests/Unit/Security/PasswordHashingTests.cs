using PhotoGallery.Core.Security;

namespace PhotoGallery.Tests.Unit.Security;

public sealed class PasswordHashingTests
{
    [Fact]
    public void Hash_SamePasswordTwice_GivesDifferentSaltedVersionedHashes()
    {
        var first = PasswordHashing.Hash("summer 2026");
        var second = PasswordHashing.Hash("summer 2026");

        Assert.NotEqual(first, second);
        Assert.Matches(@"^v1\.600000\.[A-Za-z0-9+/=]{24}\.[A-Za-z0-9+/=]{44}$", first);
        Assert.DoesNotContain("summer", first);
        Assert.True(PasswordHashing.Verify("summer 2026", first));
        Assert.True(PasswordHashing.Verify("summer 2026", second));
    }

    [Theory]
    [InlineData("Summer 2026")]
    [InlineData("summer 2026 ")]
    [InlineData("")]
    public void Verify_AnyOtherPassword_IsFalse(string attempt)
    {
        var stored = PasswordHashing.Hash("summer 2026");

        Assert.False(PasswordHashing.Verify(attempt, stored));
    }

    [Theory]
    [InlineData("")]
    [InlineData("summer 2026")]
    [InlineData("v2.600000.AAAAAAAAAAAAAAAAAAAAAA==.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("v1.-5.AAAAAAAAAAAAAAAAAAAAAA==.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("v1.1000.not base64!.AAAA")]
    public void Verify_MalformedOrUnknownStoredFormat_IsFalseWithoutThrowing(string stored)
    {
        Assert.False(PasswordHashing.Verify("summer 2026", stored));
    }
}
