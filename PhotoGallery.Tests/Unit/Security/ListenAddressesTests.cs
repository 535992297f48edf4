using PhotoGallery.Web.Security;

namespace PhotoGallery.Tests.Unit.Security;

public sealed class ListenAddressesTests
{
    [Theory]
    [InlineData(null, true)]
    [InlineData("http://127.0.0.1:5080", true)]
    [InlineData("http://localhost:5000;https://localhost:5001", true)]
    [InlineData("http://[::1]:5080", true)]
    [InlineData("http://127.0.0.2:80/", true)]
    [InlineData("http://0.0.0.0:5080", false)]
    [InlineData("http://*:5080", false)]
    [InlineData("http://+:5080", false)]
    [InlineData("http://[::]:5080", false)]
    [InlineData("http://192.168.1.20:5080", false)]
    [InlineData("http://photos.example.com", false)]
    [InlineData("http://127.0.0.1:5080;http://0.0.0.0:5081", false)]
    public void AreLoopbackOnly_Urls_TellsWhetherOnlyThisMachineCanConnect(string? urls, bool expected) =>
        Assert.Equal(expected, ListenAddresses.AreLoopbackOnly(urls));
}
