using Microsoft.Playwright;

namespace PhotoGallery.Tests.Support;

/// <summary>Playwright (its own node driver from the NuGet package) driving headless Debian Chromium.</summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;
    private IBrowser? _browser;

    public IBrowser Browser => _browser ?? throw new InvalidOperationException("not started");

    public async Task InitializeAsync()
    {
        _playwright = await Playwright.CreateAsync();
        _browser = await Chromium.LaunchAsync(_playwright);
    }

    public async Task DisposeAsync()
    {
        if (_browser is not null)
            await _browser.DisposeAsync();
        _playwright?.Dispose();
    }

    /// <summary>A fresh context (own cookies) with a page that collects console errors and failed requests.</summary>
    public async Task<BrowserPage> NewPageAsync(string baseUrl, int width = 1280, int height = 800)
    {
        var context = await Browser.NewContextAsync(new() { BaseURL = baseUrl, ViewportSize = new() { Width = width, Height = height } });
        var page = await context.NewPageAsync();
        return new BrowserPage(context, page);
    }
}
