using Microsoft.Playwright;
using PhotoGallery.Tests.Support;
using PhotoGallery.Web.Components.Layout;
using Xunit.Abstractions;

namespace PhotoGallery.Tests.Browser;

/// <summary>The app shell in headless Debian Chromium against the real app process.</summary>
public sealed class AppShellBrowserTests(GalleryAppFixture app, BrowserFixture browser, ITestOutputHelper output)
    : IClassFixture<GalleryAppFixture>, IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Navigate_EveryMenuEntry_RendersItsPageWithoutErrors()
    {
        await using var tab = await browser.NewPageAsync(app.BaseUrl);
        var page = tab.Page;
        await page.GotoAsync("/");
        await tab.WaitForInteractiveAsync();

        foreach (var item in NavItems.All)
        {
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = item.Title, Exact = true }).ClickAsync();

            await Assertions.Expect(page).ToHaveURLAsync(app.BaseUrl.TrimEnd('/') + "/" + item.Href);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync(item.Title);
            await Assertions.Expect(page).ToHaveTitleAsync($"{item.Title} · PhotoGallery");
            await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("page-" + item.Title.ToLowerInvariant()), FullPage = true });
            output.WriteLine($"{item.Title}: ok");
        }

        await Assertions.Expect(page.Locator("#blazor-error-ui")).ToBeHiddenAsync();
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task PhoneWidth_MenuButton_OpensDrawerAndPageFitsTheScreen()
    {
        await using var tab = await browser.NewPageAsync(app.BaseUrl, width: 390, height: 844);
        var page = tab.Page;
        await page.GotoAsync("/settings");
        await tab.WaitForInteractiveAsync();
        var settingsLink = page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Trash", Exact = true });
        await Assertions.Expect(settingsLink).Not.ToBeInViewportAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle navigation" }).ClickAsync();
        await settingsLink.ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Trash");
        await Assertions.Expect(settingsLink).Not.ToBeInViewportAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("phone-trash") });
        Assert.False(overflow, "the page scrolls sideways at phone width");
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task ThemeButton_Clicked_SwitchesBetweenLightAndDark()
    {
        await using var tab = await browser.NewPageAsync(app.BaseUrl);
        var page = tab.Page;
        await page.GotoAsync("/");
        await tab.WaitForInteractiveAsync();
        var background = () => page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
        var before = await background();

        await page.GetByRole(AriaRole.Button, new() { Name = "Toggle theme" }).ClickAsync();

        await Assertions.Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", before);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("library-dark") });
    }
}
