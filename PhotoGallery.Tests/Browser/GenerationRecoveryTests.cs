using FakeInvokeAi;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using PhotoGallery.Core.Generation;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Browser;

/// <summary>
/// The real app as a process, killed while it downloads a batch of images, then started again on the same data root:
/// every image ends up stored exactly once and nothing stray is left on disk.
/// </summary>
public sealed class GenerationRecoveryTests(BrowserFixture browser) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task AppKilledMidRetrieval_AfterRestart_EveryImageStoredOnceAndNoStrayFile()
    {
        // Items finish at once; each download trickles in four chunks 250 ms apart, two at a time.
        await using var fake = await FakeInvokeAiServer.StartAsync(new FakeInvokeAiOptions
        {
            Urls = "http://127.0.0.1:0", ItemDurationMs = 30, ProgressSteps = 1, Faults = new FakeFaults { SlowImageMs = 250 },
        }, Timeouts.Long);
        var root = RepoPaths.NewTempDirectory("pg-crash");
        string[] args = ["--InvokeAi:LocalUrl", fake.BaseUri.ToString().TrimEnd('/'), "--Generation:RetrievalConcurrency", "2"];
        try
        {
            var app = await GalleryAppProcess.StartAsync(root, null, args);
            await using (var tab = await browser.NewPageAsync(app.BaseUrl))
            {
                var page = tab.Page;
                await page.GotoAsync("/generate");
                await tab.WaitForInteractiveAsync();
                await GenerationBrowserTests.ChooseAsync(page, "model-select", "Stable Diffusion v1.5");
                await page.GetByTestId("prompt").FillAsync("ten lighthouses");
                await page.GetByTestId("batch-size").FillAsync("10");
                await page.GetByTestId("generate").ClickAsync();
                await Assertions.Expect(page.GetByTestId("alternative")).ToHaveCountAsync(10);
            }
            await using var database = await TestDatabase.CreateSqliteAsync(Path.Combine(root, "gallery.db"));
            await WaitForAsync(database, alternatives => alternatives.Count(a => a == AlternativeStatus.Done) >= 2);

            await app.DisposeAsync();   // killed, with downloads and writes in flight
            var afterKill = await StatusesAsync(database);
            Assert.Contains(afterKill, a => a == AlternativeStatus.Retrieving);

            await using var restarted = await GalleryAppProcess.StartAsync(root, null, args);
            await WaitForAsync(database, alternatives => alternatives.Count == 10 && alternatives.All(a => a == AlternativeStatus.Done));

            await using var db = database.CreateDbContext();
            var photos = await db.Photos.AsNoTracking().Where(p => p.IsGenerated).ToListAsync();
            Assert.Equal(10, photos.Count);
            Assert.Equal(10, photos.Select(p => p.InvokeAiImageName).Distinct().Count());
            var alternatives = await db.StepAlternatives.AsNoTracking().ToListAsync();
            Assert.All(alternatives, a => Assert.Equal(a.Id, a.PhotoId));
            var expected = photos.SelectMany(p => new[] { p.StoredPath, p.ThumbnailPath!, p.PreviewPath! }).Order().ToList();
            var onDisk = Directory.GetFiles(Path.Combine(root, "photos"), "*", SearchOption.AllDirectories)
                .Select(f => Path.GetRelativePath(root, f).Replace('\\', '/')).Order().ToList();
            Assert.Equal(expected, onDisk);
        }
        finally
        {
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<List<AlternativeStatus>> StatusesAsync(TestDatabase database)
    {
        await using var db = database.CreateDbContext();
        return await db.StepAlternatives.AsNoTracking().Select(a => a.Status).ToListAsync();
    }

    private static async Task WaitForAsync(TestDatabase database, Func<List<AlternativeStatus>, bool> done)
    {
        var until = DateTime.UtcNow.AddSeconds(60);
        List<AlternativeStatus> last = [];
        while (DateTime.UtcNow < until)
        {
            last = await StatusesAsync(database);
            if (done(last))
                return;
            await Task.Delay(100);
        }
        throw new TimeoutException("Alternatives stayed " + string.Join(", ", last));
    }
}
