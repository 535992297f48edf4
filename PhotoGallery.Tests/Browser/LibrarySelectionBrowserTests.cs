using Microsoft.Playwright;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Browser;

/// <summary>Selection, bulk delete, filters in the URL and phone width, on an app of its own.</summary>
public sealed class LibrarySelectionBrowserTests(GalleryAppFixture app, BrowserFixture browser, ImageCorpus corpus)
    : IClassFixture<GalleryAppFixture>, IClassFixture<BrowserFixture>, IClassFixture<ImageCorpus>
{
    [Fact]
    public async Task Library_ShiftClickRangeAndFiltersAndPhoneViewer_BehaveAsExpected()
    {
        await using var tab = await browser.NewPageAsync(app.BaseUrl);
        var page = tab.Page;
        await page.GotoAsync("/settings");
        await tab.WaitForInteractiveAsync();

        // Uploads go on while the owner navigates: start on Settings, open the panel from the Library, leave at once.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Library", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Upload photos" });
        await panel.Locator("input[type=file]").SetInputFilesAsync(
            [corpus.ExifJpeg, corpus.RotatedJpeg, corpus.Png, corpus.LossyWebP, corpus.SmallJpeg, corpus.CmykJpeg]);
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Models", Exact = true }).ClickAsync();
        await Assertions.Expect(panel.Locator(".upload-summary")).ToHaveTextAsync("6 stored", new() { Timeout = 30_000 });
        await panel.GetByRole(AriaRole.Button, new() { Name = "Close upload panel" }).ClickAsync();
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Library", Exact = true }).ClickAsync();
        var tiles = page.Locator(".photo-tile");
        await Assertions.Expect(tiles).ToHaveCountAsync(6);

        // Select the 2nd, then shift-click the 5th: 4 selected; delete them after confirming.
        await tiles.Nth(1).Locator(".photo-tile__check").ClickAsync();
        await tiles.Nth(4).ClickAsync(new() { Modifiers = [KeyboardModifier.Shift] });
        await Assertions.Expect(page.GetByText("4 selected")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("library-selection") });
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Move to Trash" }).ClickAsync();
        await Assertions.Expect(tiles).ToHaveCountAsync(2);
        await Assertions.Expect(page.Locator(".library-count")).ToHaveTextAsync("2 photos");

        // Filters and sort live in the URL and survive a reload.
        await page.Locator(".library-toolbar").GetByText("Generated", new() { Exact = true }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"\?filter=generated$"));
        await Assertions.Expect(page.GetByText("No generated images yet")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Newest first; show oldest first" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex(@"filter=generated&order=asc$"));
        await page.ReloadAsync();
        await tab.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByText("No generated images yet")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Oldest first; show newest first" })).ToBeVisibleAsync();
        Assert.Empty(tab.Errors);
    }
}

/// <summary>The library at phone width, on an app of its own.</summary>
public sealed class LibraryPhoneBrowserTests(GalleryAppFixture app, BrowserFixture browser, ImageCorpus corpus)
    : IClassFixture<GalleryAppFixture>, IClassFixture<BrowserFixture>, IClassFixture<ImageCorpus>
{
    [Fact]
    public async Task PhoneWidth_GridAndViewer_FitTheScreen()
    {
        await using var setup = await browser.NewPageAsync(app.BaseUrl);
        await setup.Page.GotoAsync("/");
        await setup.WaitForInteractiveAsync();
        await setup.Page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await setup.Page.Locator(".upload-panel input[type=file]").SetInputFilesAsync([corpus.LargeJpeg, corpus.Png16]);
        await Assertions.Expect(setup.Page.Locator(".upload-row[data-state=stored], .upload-row[data-state=duplicate]")).ToHaveCountAsync(2, new() { Timeout = 30_000 });

        await using var tab = await browser.NewPageAsync(app.BaseUrl, width: 390, height: 844);
        var page = tab.Page;
        await page.GotoAsync("/");
        await tab.WaitForInteractiveAsync();
        await Assertions.Expect(page.Locator(".photo-tile").First).ToBeVisibleAsync();
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"));
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("phone-library") });

        await page.Locator(".photo-tile").First.ClickAsync();
        var viewer = page.GetByRole(AriaRole.Dialog, new() { Name = "Photo viewer" });
        await Assertions.Expect(viewer.Locator("img.viewer__image")).ToHaveJSPropertyAsync("complete", true);
        await viewer.GetByRole(AriaRole.Button, new() { Name = "Show info" }).ClickAsync();
        await Assertions.Expect(viewer.GetByLabel("Photo info")).ToContainTextAsync("px");
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"));
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("phone-viewer") });
        Assert.Empty(tab.Errors);
    }
}
