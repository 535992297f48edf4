using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Browser;

/// <summary>The photo library as a person uses it, in headless Debian Chromium against the real app.</summary>
public sealed class LibraryBrowserTests(GalleryAppFixture app, BrowserFixture browser, ImageCorpus corpus)
    : IClassFixture<GalleryAppFixture>, IClassFixture<BrowserFixture>, IClassFixture<ImageCorpus>
{
    [Fact]
    public async Task UploadViewDeleteRestore_WholeFlow_WorksInTheBrowser()
    {
        await using var tab = await browser.NewPageAsync(app.BaseUrl);
        var page = tab.Page;
        await page.GotoAsync("/");
        await tab.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByText("Your library is empty")).ToBeVisibleAsync();

        // Upload three good files and one that is not an image, through the panel's file picker.
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Upload photos" });
        await Assertions.Expect(panel.GetByText("Drop photos here")).ToBeVisibleAsync();
        await panel.Locator("input[type=file]").SetInputFilesAsync([corpus.ExifJpeg, corpus.Png, corpus.LossyWebP, corpus.Text]);

        await Assertions.Expect(panel.Locator(".upload-row[data-state=stored]")).ToHaveCountAsync(3, new() { Timeout = 30_000 });
        var rejected = panel.Locator(".upload-row[data-state=rejected]");
        await Assertions.Expect(rejected).ToContainTextAsync("text.jpg");
        await Assertions.Expect(panel.Locator(".upload-summary")).ToHaveTextAsync("3 stored · 1 rejected");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("library-uploaded") });
        await panel.GetByRole(AriaRole.Button, new() { Name = "Close upload panel" }).ClickAsync();

        var tiles = page.Locator(".photo-tile");
        await Assertions.Expect(tiles).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator(".library-count")).ToHaveTextAsync("3 photos");

        // Open the viewer, walk to the next photo with the arrow key.
        var firstName = await tiles.Nth(0).GetAttributeAsync("aria-label");
        var secondName = await tiles.Nth(1).GetAttributeAsync("aria-label");
        await tiles.Nth(0).ClickAsync();
        var viewer = page.GetByRole(AriaRole.Dialog, new() { Name = "Photo viewer" });
        await Assertions.Expect(viewer.Locator(".viewer__title")).ToHaveTextAsync(firstName!);
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"\?photo=[0-9a-f-]{36}"));
        await Assertions.Expect(viewer.Locator("img.viewer__image")).ToHaveJSPropertyAsync("complete", true);
        await Assertions.Expect(page.Locator(".viewer[data-keys=ready]")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(viewer.Locator(".viewer__title")).ToHaveTextAsync(secondName!);
        await page.Keyboard.PressAsync("i");
        await Assertions.Expect(viewer.GetByLabel("Photo info")).ToContainTextAsync(secondName!);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("viewer-info") });

        // Delete it with the Del key; it leaves the grid.
        await page.Keyboard.PressAsync("Delete");
        await Assertions.Expect(page.GetByText($"Moved {secondName} to Trash.")).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Escape");
        await Assertions.Expect(viewer).ToHaveCountAsync(0);
        await Assertions.Expect(tiles).ToHaveCountAsync(2);

        // Find it in Trash and restore it.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Trash", Exact = true }).ClickAsync();
        var item = page.Locator(".trash-item");
        await Assertions.Expect(item).ToHaveCountAsync(1);
        await Assertions.Expect(item).ToContainTextAsync(secondName!);
        await Assertions.Expect(item).ToContainTextAsync("30 days left");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("trash") });
        await item.GetByRole(AriaRole.Button, new() { Name = "Restore" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Trash is empty")).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Library", Exact = true }).ClickAsync();
        await Assertions.Expect(tiles).ToHaveCountAsync(3);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("library") });
        Assert.Empty(tab.Errors);
    }
}
