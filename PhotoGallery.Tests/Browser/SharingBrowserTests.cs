using System.Text.RegularExpressions;
using Microsoft.Playwright;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Browser;

/// <summary>Sharing as the owner and a visitor use it, in headless Debian Chromium against the real app.</summary>
public sealed partial class SharingBrowserTests(GalleryAppFixture app, BrowserFixture browser, ImageCorpus corpus)
    : IClassFixture<GalleryAppFixture>, IClassFixture<BrowserFixture>, IClassFixture<ImageCorpus>
{
    private const string Password = "blue harbour 7";

    [Fact]
    public async Task ShareSelectionWithPassword_VisitorViewsAndDownloads_ThenRevokedLinkShows404()
    {
        await using var owner = await browser.NewPageAsync(app.BaseUrl);
        var page = owner.Page;
        await page.GotoAsync("/");
        await owner.WaitForInteractiveAsync();

        // Upload three photos; the two JPEGs (taken 2023 and 2022) sort after the PNG (no EXIF date: added today).
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Upload photos" });
        await panel.Locator("input[type=file]").SetInputFilesAsync([corpus.Png, corpus.ExifJpeg, corpus.RotatedJpeg]);
        await Assertions.Expect(panel.Locator(".upload-summary")).ToHaveTextAsync("3 stored", new() { Timeout = 30_000 });
        await panel.GetByRole(AriaRole.Button, new() { Name = "Close upload panel" }).ClickAsync();
        var tiles = page.Locator(".photo-tile");
        await Assertions.Expect(tiles).ToHaveCountAsync(3);
        await Assertions.Expect(tiles.Nth(1)).ToHaveAttributeAsync("aria-label", "exif.jpg");

        // Select the two JPEGs and share them with a password.
        await tiles.Nth(1).Locator(".photo-tile__check").ClickAsync();
        await tiles.Nth(2).Locator(".photo-tile__check").ClickAsync();
        await Assertions.Expect(page.GetByText("2 selected")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Share", Exact = true }).ClickAsync();
        var dialog = page.Locator(".share-dialog");
        await Assertions.Expect(dialog.GetByText("Share 2 photos")).ToBeVisibleAsync();
        await dialog.GetByText("Protect with a password").ClickAsync();
        await dialog.Locator(".share-password input").FillAsync(Password);
        await dialog.GetByText("Allow downloading originals").ClickAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("share-dialog") });
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create link" }).ClickAsync();
        var linkField = dialog.Locator(".share-link-url input");
        await Assertions.Expect(linkField).ToHaveValueAsync(LinkRegex());
        var link = await linkField.InputValueAsync();
        Assert.StartsWith(app.BaseUrl.TrimEnd('/') + "/s/", link);
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();

        // A visitor in a fresh browser context: the password form first, then the grid, a photo and its original.
        await using var visitor = await browser.NewPageAsync(app.BaseUrl);
        var guest = visitor.Page;
        await guest.GotoAsync(link);
        await Assertions.Expect(guest.GetByRole(AriaRole.Heading, new() { Name = "This link is protected" })).ToBeVisibleAsync();
        Assert.Equal(0, await guest.Locator("img").CountAsync());
        await guest.Locator("#share-password").FillAsync("wrong guess");
        await guest.GetByRole(AriaRole.Button, new() { Name = "Open" }).ClickAsync();
        await Assertions.Expect(guest.GetByRole(AriaRole.Alert)).ToContainTextAsync("That password is not right");
        await guest.Locator("#share-password").FillAsync(Password);
        await guest.GetByRole(AriaRole.Button, new() { Name = "Open" }).ClickAsync();
        var shared = guest.Locator(".share-grid .share-tile");
        await Assertions.Expect(shared).ToHaveCountAsync(2);
        await Assertions.Expect(guest.Locator(".share-count")).ToHaveTextAsync("2 photos");
        await Assertions.Expect(shared.Nth(0).Locator("img")).ToHaveJSPropertyAsync("naturalWidth", 300);
        await guest.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("share-grid") });

        await shared.Nth(0).ClickAsync();
        await Assertions.Expect(guest.Locator(".share-viewer__position")).ToHaveTextAsync("1 of 2");
        await Assertions.Expect(guest.Locator(".share-viewer__image")).ToHaveJSPropertyAsync("complete", true);
        await guest.GetByRole(AriaRole.Link, new() { Name = "Next photo" }).ClickAsync();
        await Assertions.Expect(guest.Locator(".share-viewer__position")).ToHaveTextAsync("2 of 2");
        await guest.GetByRole(AriaRole.Link, new() { Name = "Previous photo" }).ClickAsync();
        await Assertions.Expect(guest.Locator(".share-details")).ToContainTextAsync("exif.jpg");
        await guest.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("share-photo") });
        var download = await guest.RunAndWaitForDownloadAsync(() => guest.GetByRole(AriaRole.Link, new() { Name = "Download original" }).ClickAsync());
        Assert.Equal("exif.jpg", download.SuggestedFilename);
        Assert.Equal(await File.ReadAllBytesAsync(corpus.ExifJpeg), await File.ReadAllBytesAsync((await download.PathAsync())!));

        // The owner sees the view on the Sharing page and revokes the link; the visitor then gets the 404 page.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Sharing", Exact = true }).ClickAsync();
        var row = page.Locator(".sharing-table tbody tr");
        await Assertions.Expect(row).ToHaveCountAsync(1);
        await Assertions.Expect(row.Locator(".sharing-target")).ToContainTextAsync("2 photos");
        await Assertions.Expect(row.Locator(".sharing-views")).ToHaveTextAsync("1");
        await Assertions.Expect(row.Locator(".sharing-status")).ToHaveTextAsync("Active");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("sharing-page") });
        await row.GetByRole(AriaRole.Button, new() { Name = "Revoke link" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
        await Assertions.Expect(row.Locator(".sharing-status")).ToHaveTextAsync("Revoked");

        var gone = await guest.GotoAsync(link);
        Assert.Equal(404, gone!.Status);
        await Assertions.Expect(guest.GetByRole(AriaRole.Heading, new() { Name = "This link is not available" })).ToBeVisibleAsync();
        Assert.Empty(owner.Errors);

        // The Sharing page fits a phone.
        await page.SetViewportSizeAsync(390, 844);
        await Assertions.Expect(row.Locator(".sharing-status")).ToBeVisibleAsync();
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= window.innerWidth"));
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("sharing-phone") });
    }

    [GeneratedRegex(@"/s/[A-Za-z0-9_-]{43}$")]
    private static partial Regex LinkRegex();
}
