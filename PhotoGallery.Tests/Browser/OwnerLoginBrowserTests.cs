using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PhotoGallery.Core.Data;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Browser;

/// <summary>First run and sign-in when the app listens beyond loopback, in headless Debian Chromium.</summary>
public sealed class OwnerLoginBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private readonly string _root = RepoPaths.NewTempDirectory("pg-login");
    private GalleryAppProcess? _app;
    private string _baseUrl = "";

    public async Task InitializeAsync()
    {
        _app = await GalleryAppProcess.StartAsync(_root, null, "--urls", "http://0.0.0.0:0");
        _baseUrl = _app.BaseUrl.Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal);
    }

    public async Task DisposeAsync()
    {
        if (_app is not null)
            await _app.DisposeAsync();
        SqliteConnection.ClearAllPools();
        Directory.Delete(_root, recursive: true);
    }

    [Fact]
    public async Task FirstRunThenSignIn_ExposedApp_ProtectsOwnerPagesWithTheHashedPassword()
    {
        await using (var owner = await browser.NewPageAsync(_baseUrl))
        {
            var page = owner.Page;
            await page.GotoAsync("/albums");
            await Assertions.Expect(page).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/setup"));
            await Assertions.Expect(page.GetByLabel("Setup code")).ToHaveCountAsync(0); // this browser is on the same machine
            await page.GetByLabel("Password (at least").FillAsync("short");
            await page.GetByLabel("Password again").FillAsync("short");
            await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("Choose a password of at least 8 characters.");
            await page.GetByLabel("Password (at least").FillAsync("sunset-over-the-bay");
            await page.GetByLabel("Password again").FillAsync("sunset-over-the-bay");
            await page.GetByRole(AriaRole.Button, new() { Name = "Set password" }).ClickAsync();
            await owner.WaitForInteractiveAsync();
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Library");
        }

        await using var visitor = await browser.NewPageAsync(_baseUrl);
        var p = visitor.Page;
        await p.GotoAsync("/settings");
        await Assertions.Expect(p).ToHaveURLAsync(new System.Text.RegularExpressions.Regex("/login"));
        await p.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("login") });
        await p.GetByLabel("Password").FillAsync("wrong password");
        await p.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Alert)).ToHaveTextAsync("That is not the owner's password.");
        await p.GetByLabel("Password").FillAsync("sunset-over-the-bay");
        await p.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();
        await visitor.WaitForInteractiveAsync();
        await Assertions.Expect(p.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Settings");
        Assert.Empty(visitor.Errors);

        await using var db = new SqliteGalleryDbContext(new DbContextOptionsBuilder<SqliteGalleryDbContext>().UseSqlite($"Data Source={_root}/gallery.db").Options);
        var hash = await db.AppSettings.Select(s => s.OwnerPasswordHash).SingleAsync();
        Assert.StartsWith("v1.", hash);
        Assert.DoesNotContain("sunset", hash);
    }
}
