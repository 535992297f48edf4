using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using FakeInvokeAi;
using Microsoft.Playwright;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Browser;

/// <summary>The Models page and the Backend page's InvokeAI connection in headless Chromium, against the fake InvokeAI.</summary>
public sealed class InvokeAiBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task ModelsPage_AgainstFake_RefreshFilterAndFavourite()
    {
        await using var run = await FakeBackedApp.StartAsync();
        await using var tab = await browser.NewPageAsync(run.App.BaseUrl);
        var page = tab.Page;
        await page.GotoAsync("/models");
        await tab.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("models-empty")).ToContainTextAsync("No models cached yet");

        await page.GetByTestId("refresh-models").ClickAsync();

        var rows = page.Locator("[data-testid=models-table] tbody tr");
        await Assertions.Expect(rows).ToHaveCountAsync(9);
        await Assertions.Expect(page.GetByText("9 models loaded from InvokeAI")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".model-last-refresh")).ToContainTextAsync("just now");

        // Filter by base, then by type, then search.
        await ChooseAsync(page, "model-base", "sdxl");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await ChooseAsync(page, "model-type", "main");
        await Assertions.Expect(rows).ToHaveCountAsync(1);
        await Assertions.Expect(rows.Locator(".model-name")).ToHaveTextAsync("SDXL 1.0 Base");
        await ChooseAsync(page, "model-base", "All bases");
        await ChooseAsync(page, "model-type", "All types");
        await page.GetByTestId("model-search").FillAsync("flux");
        await Assertions.Expect(rows).ToHaveCountAsync(2);
        await page.GetByTestId("model-search").FillAsync("");
        await Assertions.Expect(rows).ToHaveCountAsync(9);

        // A favourite sorts first, and stays so after a reload.
        await page.GetByRole(AriaRole.Button, new() { Name = "Favourite SDXL 1.0 Base" }).ClickAsync();
        await Assertions.Expect(rows.First.Locator(".model-name")).ToHaveTextAsync("SDXL 1.0 Base");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("models"), FullPage = true });
        await page.ReloadAsync();
        await tab.WaitForInteractiveAsync();
        await Assertions.Expect(rows.First.Locator(".model-name")).ToHaveTextAsync("SDXL 1.0 Base");

        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task BackendPage_SaveFakeUrl_TestConnectionShowsVersion()
    {
        var deadUrl = $"http://127.0.0.1:{ClosedPort()}";
        await using var run = await FakeBackedApp.StartAsync(appInvokeAiUrl: deadUrl);
        await using var tab = await browser.NewPageAsync(run.App.BaseUrl);
        var page = tab.Page;
        await page.GotoAsync("/backend");
        await tab.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("effective-url")).ToHaveTextAsync(deadUrl);
        await Assertions.Expect(page.GetByTestId("url-source")).ToContainTextAsync("INVOKEAI_LOCAL_URL");

        // The configured URL answers nothing: a readable error.
        await page.GetByTestId("test-connection").ClickAsync();
        await Assertions.Expect(page.GetByTestId("connection-error")).ToContainTextAsync("cannot be reached", new() { Timeout = 30_000 });

        // A bad URL is refused with a clear message; the fake's URL is saved and answers.
        var urlInput = page.GetByTestId("invokeai-url");
        await urlInput.FillAsync("localhost:9090");
        await page.GetByTestId("save-url").ClickAsync();
        await Assertions.Expect(page.GetByText("Enter an absolute http:// or https:// URL")).ToBeVisibleAsync();
        await urlInput.FillAsync(run.FakeUrl + "/");
        await page.GetByTestId("save-url").ClickAsync();
        await Assertions.Expect(page.GetByTestId("effective-url")).ToHaveTextAsync(run.FakeUrl);
        await Assertions.Expect(page.GetByTestId("url-source")).ToContainTextAsync("Saved on this page");

        await page.GetByTestId("test-connection").ClickAsync();
        await Assertions.Expect(page.GetByTestId("connection-version")).ToContainTextAsync("InvokeAI 6.13.8");
        await Assertions.Expect(page.GetByTestId("connection-mode")).ToHaveTextAsync("Single-user server: no sign-in needed.");
        await Assertions.Expect(page.GetByTestId("invokeai-sign-in")).ToHaveCountAsync(0);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("backend"), FullPage = true });

        // Back to the configured URL.
        await page.GetByTestId("reset-url").ClickAsync();
        await Assertions.Expect(page.GetByTestId("effective-url")).ToHaveTextAsync(deadUrl);
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task BackendPage_MultiUserFake_SignInThenModelsRefreshWorks()
    {
        await using var run = await FakeBackedApp.StartAsync(new FakeInvokeAiOptions { MultiUser = true });
        await using var tab = await browser.NewPageAsync(run.App.BaseUrl, width: 390, height: 844);
        var page = tab.Page;
        await page.GotoAsync("/backend");
        await tab.WaitForInteractiveAsync();

        await page.GetByTestId("test-connection").ClickAsync();
        await Assertions.Expect(page.GetByTestId("connection-mode")).ToHaveTextAsync("Multi-user server: sign in below to use it.");
        var form = page.GetByTestId("invokeai-sign-in");
        await form.GetByTestId("sign-in-email").FillAsync("owner@example.com");
        await form.GetByTestId("sign-in-password").FillAsync("wrong");
        await form.GetByTestId("sign-in").ClickAsync();
        await Assertions.Expect(form.GetByTestId("sign-in-error")).ToHaveTextAsync("InvokeAI refused the sign-in: wrong email or password.");

        await form.GetByTestId("sign-in-password").FillAsync("invoke");
        await form.GetByTestId("sign-in").ClickAsync();

        await Assertions.Expect(form.GetByTestId("token-saved")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByTestId("connection-mode")).ToHaveTextAsync("Multi-user server: signed in with the saved token.");
        await Assertions.Expect(form.GetByTestId("sign-in-error")).ToHaveCountAsync(0);
        await Assertions.Expect(form.GetByTestId("sign-in-password")).ToHaveValueAsync("");
        var content = await page.ContentAsync();
        Assert.DoesNotContain("fake-jwt.", content);
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("backend-phone-signed-in"), FullPage = true });
        Assert.False(overflow, "the Backend page scrolls sideways at phone width");

        await page.GotoAsync("/models");
        await tab.WaitForInteractiveAsync();
        await page.GetByTestId("refresh-models").ClickAsync();
        await Assertions.Expect(page.GetByText("9 models loaded from InvokeAI")).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("models-phone"), FullPage = true });

        // Forgetting the token locks the app out again.
        await page.GotoAsync("/backend");
        await tab.WaitForInteractiveAsync();
        await page.GetByTestId("forget-token").ClickAsync();
        await Assertions.Expect(page.GetByTestId("token-saved")).ToHaveCountAsync(0);
        await page.GetByTestId("test-connection").ClickAsync();
        await Assertions.Expect(page.GetByTestId("connection-mode")).ToHaveTextAsync("Multi-user server: sign in below to use it.");
        Assert.Empty(tab.Errors);
    }

    private static async Task ChooseAsync(IPage page, string selectTestId, string option)
    {
        await page.GetByTestId(selectTestId).ClickAsync();
        var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasTextRegex = new Regex("^" + Regex.Escape(option) + "$") });
        await item.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
