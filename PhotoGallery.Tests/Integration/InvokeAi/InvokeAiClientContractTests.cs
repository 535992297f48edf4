using System.Net;
using FakeInvokeAi;
using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Backends.InvokeAi.Events;
using PhotoGallery.Core.Backends.InvokeAi.Graphs;
using PhotoGallery.Tests.Support;
using SixLabors.ImageSharp;
using SixLabors.ImageSharp.Formats.Png;

namespace PhotoGallery.Tests.Integration.InvokeAi;

/// <summary>The client against the fake InvokeAI over a loopback socket: every call and every graph builder.</summary>
public sealed class InvokeAiClientContractTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);
    private static readonly FakeInvokeAiOptions Fast = new() { ItemDurationMs = 40, ProgressSteps = 2 };

    [Fact]
    public async Task GetVersionAsync_FakeServer_ReturnsVersion()
    {
        await using var h = await InvokeAiHarness.StartAsync(Fast);

        var version = await h.Client.GetVersionAsync(CancellationToken.None);

        Assert.Equal("6.13.8", version);
    }

    [Fact]
    public async Task GetAuthStatusAsync_SingleUser_ReportsNotMultiUser()
    {
        await using var h = await InvokeAiHarness.StartAsync(Fast);

        var status = await h.Client.GetAuthStatusAsync(CancellationToken.None);

        Assert.False(status.MultiUser);
    }

    [Fact]
    public async Task GetQueueStatusAsync_IdleQueue_ReportsStartedAndEmpty()
    {
        await using var h = await InvokeAiHarness.StartAsync(Fast);

        var status = await h.Client.GetQueueStatusAsync(CancellationToken.None);

        Assert.True(status.IsStarted);
        Assert.Equal(0, status.Total);
        Assert.Null(status.CurrentItemId);
    }

    [Fact]
    public async Task ListModelsAsync_FakeModels_MapsBaseTypeFormatAndDefaults()
    {
        await using var h = await InvokeAiHarness.StartAsync(Fast);

        var models = await h.Client.ListModelsAsync(CancellationToken.None);

        Assert.Equal(9, models.Count);
        var sdxl = Assert.Single(models, m => m.Name == "SDXL 1.0 Base");
        Assert.Equal(("sdxl", "main", "checkpoint"), (sdxl.Base, sdxl.Type, sdxl.Format));
        Assert.Equal(1024, sdxl.Defaults!.Width);
        Assert.Equal("dpmpp_2m_k", sdxl.Defaults.Scheduler);
        Assert.Equal("large", Assert.Single(models, m => m.Type == "clip_embed").Variant);
        Assert.Null(Assert.Single(models, m => m.Base == "flux" && m.Type == "main").Defaults);
    }

    [Theory]
    [InlineData("sd-1", 1)]
    [InlineData("sd-1", 10)]
    [InlineData("sdxl", 1)]
    [InlineData("sdxl", 10)]
    [InlineData("flux", 1)]
    [InlineData("flux", 10)]
    public async Task EnqueueBatchAsync_Txt2Img_CreatesOneItemPerSeedAndEachYieldsAPng(string modelBase, int count)
    {
        await using var h = await InvokeAiHarness.StartAsync(Fast);
        var request = InvokeAiRequests.For(modelBase, count) with { Width = 64, Height = 64 };
        var batch = InvokeAiGraphBuilder.Build(request);

        var result = await h.Client.EnqueueBatchAsync(batch, prepend: false, CancellationToken.None);
        var watched = await h.Watcher.WatchAsync(result.ItemIds, _ => ValueTask.CompletedTask, Poll, Timeouts.Long);

        Assert.Equal(batch.BatchId, result.BatchId);
        Assert.Equal(count, result.ItemIds.Count);
        Assert.Equal(result.ItemIds.Order(), result.ItemIds);
        Assert.Empty(watched.MissingItemIds);
        Assert.All(watched.Items, i => Assert.Equal(QueueItemStatus.Completed, i.Status));
        Assert.Equal(request.Seeds.Order(), watched.Items.Select(i => i.Seed!.Value).Order());
        var names = watched.Items.Select(i => Assert.Single(i.OutputImages(batch.OutputNodeId))).ToList();
        Assert.Equal(count, names.Distinct().Count());
        var png = await h.Client.GetImageAsync(names[0], CancellationToken.None);
        Assert.Equal(64, Image.Identify(png).Width);
    }

    [Theory]
    [InlineData("sd-1")]
    [InlineData("sdxl")]
    [InlineData("flux")]
    public async Task EnqueueBatchAsync_Img2ImgWithUploadedSource_Completes(string modelBase)
    {
        await using var h = await InvokeAiHarness.StartAsync(Fast);
        var uploaded = await h.Client.UploadImageAsync(new MemoryStream(TestPng(96, 80)), "source.png", "image/png", CancellationToken.None);
        var request = InvokeAiRequests.For(modelBase, 2, new Img2ImgSource(uploaded.ImageName, uploaded.Width, uploaded.Height, 0.6)) with { Width = 64, Height = 64 };
        var batch = InvokeAiGraphBuilder.Build(request);

        var result = await h.Client.EnqueueBatchAsync(batch, prepend: false, CancellationToken.None);
        var watched = await h.Watcher.WatchAsync(result.ItemIds, _ => ValueTask.CompletedTask, Poll, Timeouts.Long);

        Assert.Equal((96, 80), (uploaded.Width, uploaded.Height));
        Assert.True(uploaded.IsIntermediate);
        Assert.Equal("user", uploaded.Category);
        Assert.All(watched.Items, i => Assert.Equal(QueueItemStatus.Completed, i.Status));
        var name = watched.Items[0].OutputImages(batch.OutputNodeId)[0];
        var metadata = await h.Client.GetImageMetadataAsync(name, CancellationToken.None);
        Assert.Equal(uploaded.ImageName, (string?)metadata!["init_image"]);
    }

    [Fact]
    public async Task EnqueueBatchAsync_Prompt_ReachesServerUnchangedAndLandsInMetadata()
    {
        const string prompt = "a \"red\" fox, ünïcødé  (masterpiece:1.2)\nline two ";
        await using var h = await InvokeAiHarness.StartAsync(Fast);
        var batch = InvokeAiGraphBuilder.Build(InvokeAiRequests.For("sd-1", prompt: prompt) with { Width = 64, Height = 64 });

        var result = await h.Client.EnqueueBatchAsync(batch, prepend: false, CancellationToken.None);
        var watched = await h.Watcher.WatchAsync(result.ItemIds, _ => ValueTask.CompletedTask, Poll, Timeouts.Long);

        var sent = Assert.Single(h.Fake.State.EnqueueBodies());
        Assert.Equal(prompt, (string?)sent["batch"]!["graph"]!["nodes"]!["positive_prompt"]!["value"]);
        var metadata = await h.Client.GetImageMetadataAsync(watched.Items[0].OutputImages(batch.OutputNodeId)[0], CancellationToken.None);
        Assert.Equal(prompt, (string?)metadata!["positive_prompt"]);
        Assert.Equal(1000, (long)metadata["seed"]!);
        Assert.Equal("6.13.8", (string?)metadata["app_version"]);
    }

    [Fact]
    public async Task ImageCalls_CompletedItem_ReturnPngWithRecipeWebpThumbnailAndDto()
    {
        await using var h = await InvokeAiHarness.StartAsync(Fast);
        var batch = InvokeAiGraphBuilder.Build(InvokeAiRequests.For("sdxl") with { Width = 128, Height = 64 });
        var result = await h.Client.EnqueueBatchAsync(batch, prepend: false, CancellationToken.None);
        var item = (await h.Watcher.WatchAsync(result.ItemIds, _ => ValueTask.CompletedTask, Poll, Timeouts.Long)).Items[0];
        var name = item.OutputImages(batch.OutputNodeId)[0];

        var png = await h.Client.GetImageAsync(name, CancellationToken.None);
        var thumbnail = await h.Client.GetThumbnailAsync(name, CancellationToken.None);
        var info = await h.Client.GetImageInfoAsync(name, CancellationToken.None);

        var text = Image.Identify(png).Metadata.GetPngMetadata().TextData;
        Assert.Contains(text, t => t.Keyword == "invokeai_metadata" && t.Value.Contains("sdxl_txt2img"));
        Assert.Equal("WEBP", System.Text.Encoding.ASCII.GetString(thumbnail, 8, 4));
        Assert.Equal((128, 64), (info.Width, info.Height));
        Assert.False(info.IsIntermediate);
        Assert.Equal(item.SessionId, info.SessionId);
    }

    [Fact]
    public async Task ImageCalls_UnknownImage_ThrowRetrievalExceptionWith404()
    {
        await using var h = await InvokeAiHarness.StartAsync(Fast);

        var error = await Assert.ThrowsAsync<InvokeAiRetrievalException>(() => h.Client.GetImageAsync("missing.png", CancellationToken.None));

        Assert.Equal(404, error.StatusCode);
    }

    [Fact]
    public async Task GetImageMetadataAsync_UploadWithoutMetadata_ReturnsNull()
    {
        await using var h = await InvokeAiHarness.StartAsync(Fast);
        var uploaded = await h.Client.UploadImageAsync(new MemoryStream(TestPng(70, 70)), "s.png", "image/png", CancellationToken.None);

        var metadata = await h.Client.GetImageMetadataAsync(uploaded.ImageName, CancellationToken.None);

        Assert.Null(metadata);
    }

    [Fact]
    public async Task UploadImageAsync_NotAnImage_ThrowsRetrievalExceptionWith415()
    {
        await using var h = await InvokeAiHarness.StartAsync(Fast);

        var error = await Assert.ThrowsAsync<InvokeAiRetrievalException>(() =>
            h.Client.UploadImageAsync(new MemoryStream("hello"u8.ToArray()), "a.txt", "text/plain", CancellationToken.None));

        Assert.Equal((int)HttpStatusCode.UnsupportedMediaType, error.StatusCode);
    }

    [Fact]
    public async Task GetQueueItemAsync_UnknownItem_ReturnsNull()
    {
        await using var h = await InvokeAiHarness.StartAsync(Fast);

        Assert.Null(await h.Client.GetQueueItemAsync(4242, CancellationToken.None));
    }

    [Fact]
    public async Task ListQueueItemsByDestinationAsync_TwoSteps_ReturnsOnlyThatStepsItems()
    {
        await using var h = await InvokeAiHarness.StartAsync(new FakeInvokeAiOptions { ItemDurationMs = 5000 });
        var first = InvokeAiGraphBuilder.Build(InvokeAiRequests.For("sd-1", 3));
        var second = InvokeAiGraphBuilder.Build(InvokeAiRequests.For("sd-1", 2));
        await h.Client.EnqueueBatchAsync(first, prepend: false, CancellationToken.None);
        await h.Client.EnqueueBatchAsync(second, prepend: false, CancellationToken.None);

        var items = await h.Client.ListQueueItemsByDestinationAsync(second.Destination, CancellationToken.None);
        var status = await h.Client.GetBatchStatusAsync(first.BatchId, CancellationToken.None);

        Assert.Equal(2, items.Count);
        Assert.All(items, i => Assert.Equal(second.BatchId, i.BatchId));
        Assert.Equal(3, status.Total);
    }

    [Fact]
    public async Task CancelQueueItemAsync_PendingItem_ReturnsCanceledItem()
    {
        await using var h = await InvokeAiHarness.StartAsync(new FakeInvokeAiOptions { ItemDurationMs = 5000 });
        var result = await h.Client.EnqueueBatchAsync(InvokeAiGraphBuilder.Build(InvokeAiRequests.For("sd-1", 3)), prepend: false, CancellationToken.None);

        var canceled = await h.Client.CancelQueueItemAsync(result.ItemIds[^1], CancellationToken.None);
        var unknown = await h.Client.CancelQueueItemAsync(999, CancellationToken.None);

        Assert.Equal(QueueItemStatus.Canceled, canceled!.Status);
        Assert.Null(unknown);
    }

    [Fact]
    public async Task CancelBatchesAsync_RunningBatch_CancelsAllItemsAndWatcherSeesThem()
    {
        await using var h = await InvokeAiHarness.StartAsync(new FakeInvokeAiOptions { ItemDurationMs = 3000 });
        var batch = InvokeAiGraphBuilder.Build(InvokeAiRequests.For("sdxl", 4));
        var result = await h.Client.EnqueueBatchAsync(batch, prepend: false, CancellationToken.None);
        await WaitUntilAsync(async () => (await h.Client.GetQueueStatusAsync(CancellationToken.None)).InProgress == 1);

        var canceled = await h.Client.CancelBatchesAsync([result.BatchId], CancellationToken.None);
        var watched = await h.Watcher.WatchAsync(result.ItemIds, _ => ValueTask.CompletedTask, Poll, Timeouts.Long);

        Assert.Equal(3, canceled);   // the running item is canceled too but not counted (reference §4.6)
        Assert.All(watched.Items, i => Assert.Equal(QueueItemStatus.Canceled, i.Status));
    }

    [Fact]
    public async Task CancelByDestinationAsync_PendingItems_CancelsThem()
    {
        await using var h = await InvokeAiHarness.StartAsync(new FakeInvokeAiOptions { ItemDurationMs = 5000 });
        var batch = InvokeAiGraphBuilder.Build(InvokeAiRequests.For("flux", 2));
        await h.Client.EnqueueBatchAsync(batch, prepend: false, CancellationToken.None);

        var canceled = await h.Client.CancelByDestinationAsync(batch.Destination, CancellationToken.None);

        Assert.InRange(canceled, 1, 2);
        var items = await h.Client.ListQueueItemsByDestinationAsync(batch.Destination, CancellationToken.None);
        Assert.All(items, i => Assert.Equal(QueueItemStatus.Canceled, i.Status));
    }

    [Fact]
    public async Task EnqueueBatchAsync_InvalidGraph_ThrowsGenerationExceptionWithServerDetail()
    {
        await using var h = await InvokeAiHarness.StartAsync(Fast);
        var batch = InvokeAiGraphBuilder.Build(InvokeAiRequests.For("sd-1"));
        batch.Graph.Nodes["noise"]["width"] = 513;   // bypasses our validator: the server must refuse it
        batch.Graph.Connect("seed", "value", "l2i", "vae");

        var error = await Assert.ThrowsAsync<InvokeAiGenerationException>(() => h.Client.EnqueueBatchAsync(batch, prepend: false, CancellationToken.None));

        Assert.Equal(422, error.StatusCode);
        Assert.Contains("multiple of 8", error.Message);
        Assert.Contains("incompatible", error.Message);
    }

    [Fact]
    public async Task WatchAsync_UnknownModelKey_ItemFailsWithServerError()
    {
        await using var h = await InvokeAiHarness.StartAsync(Fast);
        var request = InvokeAiRequests.For("sd-1") with { Model = InvokeAiRequests.Sd15 with { Key = "not-installed" }, Width = 64, Height = 64 };
        var result = await h.Client.EnqueueBatchAsync(InvokeAiGraphBuilder.Build(request), prepend: false, CancellationToken.None);

        var watched = await h.Watcher.WatchAsync(result.ItemIds, _ => ValueTask.CompletedTask, Poll, Timeouts.Long);

        var item = Assert.Single(watched.Items);
        Assert.Equal(QueueItemStatus.Failed, item.Status);
        Assert.Equal("UnknownModelException", item.ErrorType);
    }

    internal static byte[] TestPng(int width, int height)
    {
        using var image = new Image<SixLabors.ImageSharp.PixelFormats.Rgb24>(width, height);
        using var stream = new MemoryStream();
        image.Save(stream, new PngEncoder());
        return stream.ToArray();
    }

    internal static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!await condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "Condition not met within 10 s");
            await Task.Delay(50);
        }
    }
}
