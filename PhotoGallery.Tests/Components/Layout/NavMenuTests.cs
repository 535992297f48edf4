using Bunit;
using PhotoGallery.Web.Components.Layout;

namespace PhotoGallery.Tests.Components.Layout;

public sealed class NavMenuTests : MudTestContext
{
    [Fact]
    public void Render_Always_LinksEveryFeatureInMenuOrder()
    {
        var cut = RenderInteractive<NavMenu>();

        var links = cut.FindAll("a.mud-nav-link");
        Assert.Equal(
            ["Library", "Albums", "Generate", "Sessions", "Models", "Backend", "Sharing", "Trash", "Settings"],
            links.Select(a => a.TextContent.Trim()));
        Assert.Equal("settings", links[^1].GetAttribute("href"));
    }
}
