using Microsoft.Playwright;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Browser;

/// <summary>Albums as a person uses them, in headless Debian Chromium against the real app.</summary>
public sealed class AlbumBrowserTests(GalleryAppFixture app, BrowserFixture browser, ImageCorpus corpus)
    : IClassFixture<GalleryAppFixture>, IClassFixture<BrowserFixture>, IClassFixture<ImageCorpus>
{
    [Fact]
    public async Task Album_CreateFromSelectionReorderByDragAndDelete_KeepsPhotos()
    {
        await using var tab = await browser.NewPageAsync(app.BaseUrl);
        var page = tab.Page;
        await page.GotoAsync("/");
        await tab.WaitForInteractiveAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        var panel = page.GetByRole(AriaRole.Region, new() { Name = "Upload photos" });
        await panel.Locator("input[type=file]").SetInputFilesAsync([corpus.ExifJpeg, corpus.Png, corpus.LossyWebP]);
        await Assertions.Expect(panel.Locator(".upload-summary")).ToHaveTextAsync("3 stored", new() { Timeout = 30_000 });
        await panel.GetByRole(AriaRole.Button, new() { Name = "Close upload panel" }).ClickAsync();

        // Select all three and add them to a new album.
        var tiles = page.Locator(".photo-tile");
        await Assertions.Expect(tiles).ToHaveCountAsync(3);
        await tiles.Nth(0).Locator(".photo-tile__check").ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Select all" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add to album" }).ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await dialog.GetByLabel("New album").FillAsync("Summer 2023");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Added 3 to Summer 2023.")).ToBeVisibleAsync();

        // The album list shows it with its count; open it.
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Albums", Exact = true }).ClickAsync();
        var card = page.Locator(".album-card");
        await Assertions.Expect(card).ToContainTextAsync("Summer 2023");
        await Assertions.Expect(card).ToContainTextAsync("3 photos");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("albums") });
        await card.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Summer 2023");

        // Drag the last photo to the front; the order persists across a reload.
        var albumTiles = page.Locator(".album-tile");
        await Assertions.Expect(albumTiles).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator(".album-grid-zone[data-reorder=ready]")).ToHaveCountAsync(1);
        var before = await albumTiles.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.photoId)");
        await albumTiles.Nth(2).DragToAsync(albumTiles.Nth(0), new() { TargetPosition = new() { X = 10, Y = 60 } });
        var expected = new[] { before[2], before[0], before[1] };
        await Assertions.Expect(albumTiles.First).ToHaveAttributeAsync("data-photo-id", expected[0]);
        await page.ReloadAsync();
        await tab.WaitForInteractiveAsync();
        await Assertions.Expect(albumTiles).ToHaveCountAsync(3);
        Assert.Equal(expected, await albumTiles.EvaluateAllAsync<string[]>("els => els.map(e => e.dataset.photoId)"));
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("album") });

        // The viewer walks the album's order.
        await albumTiles.Nth(0).ClickAsync();
        var viewer = page.GetByRole(AriaRole.Dialog, new() { Name = "Photo viewer" });
        await Assertions.Expect(viewer.Locator(".viewer__title")).ToHaveTextAsync((await albumTiles.Nth(0).GetAttributeAsync("aria-label"))!);
        await Assertions.Expect(page.Locator(".viewer[data-keys=ready]")).ToHaveCountAsync(1);
        await page.Keyboard.PressAsync("ArrowRight");
        await Assertions.Expect(viewer.Locator(".viewer__title")).ToHaveTextAsync((await albumTiles.Nth(1).GetAttributeAsync("aria-label"))!);
        await page.Keyboard.PressAsync("Escape");

        // Share the album with a password; a visitor in a fresh context sees it in album order after the password.
        await page.GetByRole(AriaRole.Button, new() { Name = "Share", Exact = true }).ClickAsync();
        var shareDialog = page.Locator(".share-dialog");
        await shareDialog.GetByText("Protect with a password").ClickAsync();
        await shareDialog.Locator(".share-password input").FillAsync("tide pools 42");
        await shareDialog.GetByText("Allow downloading originals").ClickAsync();
        await shareDialog.GetByRole(AriaRole.Button, new() { Name = "Create link" }).ClickAsync();
        var linkField = shareDialog.Locator(".share-link-url input");
        await Assertions.Expect(linkField).ToHaveValueAsync(new System.Text.RegularExpressions.Regex(@"/s/[A-Za-z0-9_-]{43}$"));
        var link = await linkField.InputValueAsync();
        await shareDialog.GetByRole(AriaRole.Button, new() { Name = "Done" }).ClickAsync();

        await using (var visitor = await browser.NewPageAsync(app.BaseUrl))
        {
            var guest = visitor.Page;
            await guest.GotoAsync(link);
            Assert.Equal(0, await guest.Locator("img").CountAsync());
            await guest.Locator("#share-password").FillAsync("tide pools 42");
            await guest.GetByRole(AriaRole.Button, new() { Name = "Open" }).ClickAsync();
            var shared = guest.Locator(".share-grid .share-tile");
            await Assertions.Expect(shared).ToHaveCountAsync(3);
            var sharedOrder = await shared.EvaluateAllAsync<string[]>("els => els.map(e => (e.getAttribute('href') || e.querySelector('a')?.getAttribute('href') || '').split('/').pop())");
            Assert.Equal(expected, sharedOrder);
            await shared.Nth(0).ClickAsync();
            await Assertions.Expect(guest.Locator(".share-viewer__image")).ToHaveJSPropertyAsync("complete", true);
            var download = await guest.RunAndWaitForDownloadAsync(() => guest.GetByRole(AriaRole.Link, new() { Name = "Download original" }).ClickAsync());
            Assert.True(new FileInfo((await download.PathAsync())!).Length > 0);

            // The owner revokes the link; the visitor gets the not-available page.
            await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Sharing", Exact = true }).ClickAsync();
            var row = page.Locator(".sharing-table tbody tr");
            await Assertions.Expect(row.Locator(".sharing-target")).ToContainTextAsync("Summer 2023");
            await row.GetByRole(AriaRole.Button, new() { Name = "Revoke link" }).ClickAsync();
            await page.GetByRole(AriaRole.Button, new() { Name = "Revoke", Exact = true }).ClickAsync();
            await Assertions.Expect(row.Locator(".sharing-status")).ToHaveTextAsync("Revoked");
            var gone = await guest.GotoAsync(link);
            Assert.Equal(404, gone!.Status);
        }
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Albums", Exact = true }).ClickAsync();
        await page.Locator(".album-card").ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Summer 2023");

        // Deleting the album says the photos stay, and they do.
        await page.GetByRole(AriaRole.Button, new() { Name = "Delete album" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Dialog)).ToContainTextAsync("stay in your library");
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Delete album" }).ClickAsync();
        await Assertions.Expect(page.GetByText("No albums yet")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Library", Exact = true }).ClickAsync();
        await Assertions.Expect(tiles).ToHaveCountAsync(3);
        Assert.Empty(tab.Errors);
    }
}
