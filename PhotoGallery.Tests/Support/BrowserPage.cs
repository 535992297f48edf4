using Microsoft.Playwright;

namespace PhotoGallery.Tests.Support;

/// <summary>A page in its own context that records console errors and uncaught exceptions.</summary>
public sealed class BrowserPage : IAsyncDisposable
{
    private readonly List<string> _errors = [];

    public BrowserPage(IBrowserContext context, IPage page)
    {
        Context = context;
        Page = page;
        page.Console += (_, message) =>
        {
            if (message.Type == "error")
            {
                lock (_errors)
                    _errors.Add("console: " + message.Text);
            }
        };
        page.PageError += (_, error) =>
        {
            lock (_errors)
                _errors.Add("page error: " + error);
        };
    }

    public IBrowserContext Context { get; }

    public IPage Page { get; }

    public IReadOnlyList<string> Errors
    {
        get
        {
            lock (_errors)
                return [.. _errors];
        }
    }

    /// <summary>Waits until the Blazor circuit is up (the layout's interactive marker is set).</summary>
    public Task WaitForInteractiveAsync() =>
        Page.Locator("html[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached, Timeout = 30_000 });

    public async ValueTask DisposeAsync() => await Context.DisposeAsync();
}
