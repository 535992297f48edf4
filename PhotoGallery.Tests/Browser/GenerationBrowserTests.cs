using System.Text.RegularExpressions;
using FakeInvokeAi;
using Microsoft.Playwright;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Browser;

/// <summary>Generation in headless Chromium against the real app and the fake InvokeAI.</summary>
public sealed class GenerationBrowserTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task Generate_FromScratchSelectContinueComplete_ResultInLibraryWithRecipe()
    {
        await using var run = await FakeBackedApp.StartAsync(new FakeInvokeAiOptions { ProgressSteps = 4 });
        run.Fake.State.Options.ItemDurationMs = 700;
        await using var tab = await browser.NewPageAsync(run.App.BaseUrl, width: 1366, height: 1100);
        var page = tab.Page;
        await page.GotoAsync("/generate");
        await tab.WaitForInteractiveAsync();

        await ChooseAsync(page, "model-select", "Stable Diffusion v1.5");
        await Assertions.Expect(page.GetByTestId("width")).ToHaveValueAsync("512");
        await page.GetByTestId("generate").ClickAsync();
        await Assertions.Expect(page.GetByText("Write a prompt: what the image should show.")).ToBeVisibleAsync();
        await page.GetByTestId("prompt").FillAsync("a red lighthouse on a cliff at dusk");
        await page.GetByTestId("batch-size").FillAsync("4");
        await page.GetByTestId("generate").ClickAsync();

        // A placeholder per alternative at once; they fill in live.
        var cards = page.GetByTestId("alternative");
        await Assertions.Expect(cards).ToHaveCountAsync(4);
        await Assertions.Expect(page.Locator("[data-testid=alternative][data-status=Running]")).ToHaveCountAsync(1, new() { Timeout = 20_000 });
        await Assertions.Expect(page).ToHaveTitleAsync(new Regex(@"^Generate \(\d in flight\)"));
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("generate-mid-step") });
        await Assertions.Expect(page.Locator("[data-testid=alternative][data-status=Done]")).ToHaveCountAsync(4, new() { Timeout = 30_000 });
        await Assertions.Expect(page).ToHaveTitleAsync("Generate · PhotoGallery");

        // Keyboard: "2" selects the second alternative; Enter continues from it.
        await page.Locator("h1").ClickAsync();
        await page.Keyboard.PressAsync("2");
        await Assertions.Expect(cards.Nth(1)).ToHaveAttributeAsync("aria-label", new Regex("Alternative 2, selected"));
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByTestId("source-card")).ToContainTextAsync("From 1.2");
        await page.GetByTestId("prompt").FillAsync("a red lighthouse on a cliff in a storm");
        await page.GetByTestId("batch-size").FillAsync("2");
        await page.GetByTestId("generate").ClickAsync();
        await Assertions.Expect(page.GetByTestId("step-panel")).ToContainTextAsync("from 1.2");
        await Assertions.Expect(page.Locator("[data-testid=alternative][data-status=Done]")).ToHaveCountAsync(2, new() { Timeout = 30_000 });
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("generate-step-two") });

        await cards.Nth(0).GetByTestId("select").ClickAsync();
        await page.GetByTestId("complete").ClickAsync();
        await page.GetByTestId("confirm-complete").ClickAsync();

        // The result opens in the library's viewer, with its recipe.
        await page.WaitForURLAsync(new Regex(@"/\?photo="));
        await page.Locator(".viewer[data-keys=ready]").WaitForAsync();
        await page.Keyboard.PressAsync("i");
        var info = page.Locator(".viewer__info");
        await Assertions.Expect(info).ToContainTextAsync("a red lighthouse on a cliff in a storm");
        await Assertions.Expect(info).ToContainTextAsync("Stable Diffusion v1.5");
        await Assertions.Expect(info.GetByTestId("provenance")).ToContainTextAsync("Step");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("generated-info"), FullPage = true });

        // The session's lineage.
        await info.GetByTestId("provenance").GetByRole(AriaRole.Link).First.ClickAsync();
        await tab.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("lineage-step")).ToHaveCountAsync(2);
        await Assertions.Expect(page.GetByTestId("session-status").First).ToHaveTextAsync("Completed");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("session-lineage") });
        await page.GotoAsync("/sessions");
        await tab.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("session-card")).ToHaveCountAsync(1);
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("sessions") });
        Assert.Empty(tab.Errors);
    }

    [Fact]
    public async Task GenerateFromThis_LibraryPhoto_OpensTheFormWithTheSourceAndGenerates()
    {
        await using var run = await FakeBackedApp.StartAsync();
        await using var tab = await browser.NewPageAsync(run.App.BaseUrl);
        var page = tab.Page;
        await page.GotoAsync("/");
        await tab.WaitForInteractiveAsync();
        await UploadAsync(page, ImageCorpus.Photo(900, 600));
        await page.Locator(".photo-tile").First.ClickAsync();
        await page.Locator(".viewer[data-keys=ready]").WaitForAsync();

        await page.GetByTestId("generate-from-this").ClickAsync();
        await page.SetViewportSizeAsync(390, 844);

        await tab.WaitForInteractiveAsync();
        await Assertions.Expect(page.GetByTestId("source-card")).ToContainTextAsync("900 × 600");
        await ChooseAsync(page, "model-select", "Stable Diffusion v1.5");
        await Assertions.Expect(page.GetByTestId("width")).ToHaveValueAsync("624");   // 3:2 like the source, at SD 1.x's area
        await Assertions.Expect(page.GetByTestId("height")).ToHaveValueAsync("416");
        await page.GetByTestId("prompt").FillAsync("the same harbour in winter");
        await page.GetByTestId("batch-size").FillAsync("1");
        await page.GetByTestId("generate").ClickAsync();
        await Assertions.Expect(page.Locator("[data-testid=alternative][data-status=Done]")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        await page.ScreenshotAsync(new() { Path = Chromium.ScreenshotPath("phone-generate"), FullPage = true });
        Assert.False(overflow, "the Generate page scrolls sideways at phone width");
        Assert.Empty(tab.Errors);
    }

    internal static async Task UploadAsync(IPage page, SixLabors.ImageSharp.Image image)
    {
        var file = Path.Combine(Path.GetTempPath(), $"harbour-{Guid.NewGuid():N}.jpg");
        await SixLabors.ImageSharp.ImageExtensions.SaveAsJpegAsync(image, file);
        image.Dispose();
        await page.GetByRole(AriaRole.Button, new() { Name = "Upload", Exact = true }).ClickAsync();
        await page.GetByRole(AriaRole.Region, new() { Name = "Upload photos" }).Locator("input[type=file]").SetInputFilesAsync(file);
        await Assertions.Expect(page.Locator(".photo-tile")).ToHaveCountAsync(1, new() { Timeout = 30_000 });
        await page.GetByRole(AriaRole.Button, new() { Name = "Close upload panel" }).ClickAsync();
        File.Delete(file);
    }

    internal static async Task ChooseAsync(IPage page, string selectTestId, string option)
    {
        await page.GetByTestId(selectTestId).ClickAsync();
        var item = page.Locator(".mud-popover-open .mud-list-item").Filter(new() { HasText = option });
        await item.First.ClickAsync();
        await Assertions.Expect(page.Locator(".mud-popover-open .mud-list-item")).ToHaveCountAsync(0);
    }
}
