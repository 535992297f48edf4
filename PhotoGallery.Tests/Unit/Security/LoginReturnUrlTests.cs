using PhotoGallery.Web.Components.Pages.Account;

namespace PhotoGallery.Tests.Unit.Security;

public sealed class LoginReturnUrlTests
{
    [Theory]
    [InlineData("/albums?x=1", "/albums?x=1")]
    [InlineData("https://evil.example/", "/")]
    [InlineData("//evil.example/", "/")]
    [InlineData("/\\evil.example", "/")]
    [InlineData(null, "/")]
    public void SafeReturnUrl_AnyInput_StaysOnThisSite(string? input, string expected) =>
        Assert.Equal(expected, Login.SafeReturnUrl(input));
}
