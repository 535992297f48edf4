using System.Net.Http.Json;
using FakeInvokeAi;
using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Backends.InvokeAi.Graphs;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Integration.InvokeAi;

/// <summary>Each injected fault gives the typed error or a successful retry, as designed.</summary>
public sealed class InvokeAiFaultTests
{
    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(100);

    [Fact]
    public async Task GetQueueStatusAsync_TwoServerErrors_RetriesAndSucceeds()
    {
        await using var h = await InvokeAiHarness.StartAsync(Options(new FakeFaults { ServerErrorCount = 2, PathContains = "/status" }));

        var status = await h.Client.GetQueueStatusAsync(CancellationToken.None);

        Assert.True(status.IsStarted);
        Assert.Equal(0, h.Fake.State.Faults.ServerErrorCount);
    }

    [Fact]
    public async Task GetVersionAsync_PersistentServerErrors_ThrowsConnectionExceptionWith500()
    {
        await using var h = await InvokeAiHarness.StartAsync(Options(new FakeFaults { ServerErrorRate = 1 }));

        var error = await Assert.ThrowsAsync<InvokeAiConnectionException>(() => h.Client.GetVersionAsync(CancellationToken.None));

        Assert.Equal(500, error.StatusCode);
    }

    [Fact]
    public async Task EnqueueBatchAsync_ServerError_IsNotRetriedAndThrowsGenerationException()
    {
        await using var h = await InvokeAiHarness.StartAsync(Options(new FakeFaults { ServerErrorCount = 1, PathContains = "/enqueue_batch" }));
        var batch = InvokeAiGraphBuilder.Build(InvokeAiRequests.For("sd-1"));

        var error = await Assert.ThrowsAsync<InvokeAiGenerationException>(() => h.Client.EnqueueBatchAsync(batch, prepend: false, CancellationToken.None));

        Assert.Equal(500, error.StatusCode);
        Assert.Empty(h.Fake.State.Items(_ => true));
    }

    [Fact]
    public async Task ListModelsAsync_DroppedConnection_RetriesAndSucceeds()
    {
        await using var h = await InvokeAiHarness.StartAsync(Options(new FakeFaults { DropConnectionCount = 1, PathContains = "/models" }));

        var models = await h.Client.ListModelsAsync(CancellationToken.None);

        Assert.Equal(9, models.Count);
    }

    [Fact]
    public async Task EnqueueBatchAsync_DroppedConnection_ThrowsConnectionExceptionWithoutResending()
    {
        await using var h = await InvokeAiHarness.StartAsync(Options(new FakeFaults { DropConnectionCount = 1, PathContains = "/enqueue_batch" }));
        var batch = InvokeAiGraphBuilder.Build(InvokeAiRequests.For("sdxl", 2));

        await Assert.ThrowsAsync<InvokeAiConnectionException>(() => h.Client.EnqueueBatchAsync(batch, prepend: false, CancellationToken.None));

        Assert.Empty(h.Fake.State.Items(_ => true));
    }

    [Fact]
    public async Task GetVersionAsync_LatencyBeyondReadTimeout_ThrowsConnectionException()
    {
        await using var h = await InvokeAiHarness.StartAsync(Options(new FakeFaults { LatencyMs = 2500 }), readTimeoutSeconds: 1);

        var error = await Assert.ThrowsAsync<InvokeAiConnectionException>(() => h.Client.GetVersionAsync(CancellationToken.None));

        Assert.Contains("did not answer in time", error.Message);
    }

    [Fact]
    public async Task GetVersionAsync_SmallLatency_Succeeds()
    {
        await using var h = await InvokeAiHarness.StartAsync(Options(new FakeFaults { LatencyMs = 200 }));

        Assert.Equal("6.13.8", await h.Client.GetVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ListModelsAsync_MalformedJson_ThrowsModelException()
    {
        await using var h = await InvokeAiHarness.StartAsync(Options(new FakeFaults { MalformedJsonCount = 1, PathContains = "/models" }));

        var error = await Assert.ThrowsAsync<InvokeAiModelException>(() => h.Client.ListModelsAsync(CancellationToken.None));

        Assert.Contains("cannot read", error.Message);
    }

    [Fact]
    public async Task GetImageAsync_SlowDownloadWithinTimeout_ReturnsFullImage()
    {
        await using var h = await InvokeAiHarness.StartAsync(Options(new FakeFaults()));
        var uploaded = await h.Client.UploadImageAsync(new MemoryStream(InvokeAiClientContractTests.TestPng(64, 64)), "s.png", "image/png", CancellationToken.None);
        h.Fake.State.Faults = new FakeFaults { SlowImageMs = 100 };

        var png = await h.Client.GetImageAsync(uploaded.ImageName, CancellationToken.None);

        Assert.Equal(64, SixLabors.ImageSharp.Image.Identify(png).Height);
    }

    [Fact]
    public async Task GetImageAsync_DownloadSlowerThanReadTimeout_ThrowsConnectionException()
    {
        await using var h = await InvokeAiHarness.StartAsync(Options(new FakeFaults()), readTimeoutSeconds: 1);
        var uploaded = await h.Client.UploadImageAsync(new MemoryStream(InvokeAiClientContractTests.TestPng(64, 64)), "s.png", "image/png", CancellationToken.None);
        h.Fake.State.Faults = new FakeFaults { SlowImageMs = 600 };

        await Assert.ThrowsAsync<InvokeAiConnectionException>(() => h.Client.GetImageAsync(uploaded.ImageName, CancellationToken.None));
    }

    [Fact]
    public async Task WatchAsync_ServerRestartForgetsQueue_ReportsItemsAsMissing()
    {
        await using var h = await InvokeAiHarness.StartAsync(new FakeInvokeAiOptions { ItemDurationMs = 5000 });
        var result = await h.Client.EnqueueBatchAsync(InvokeAiGraphBuilder.Build(InvokeAiRequests.For("sd-1", 2)), prepend: false, CancellationToken.None);
        using var http = new HttpClient { BaseAddress = h.Fake.BaseUri };

        (await http.PostAsync("_fake/restart", null)).EnsureSuccessStatusCode();
        var watched = await h.Watcher.WatchAsync(result.ItemIds, _ => ValueTask.CompletedTask, Poll, Timeouts.Long);

        Assert.Empty(watched.Items);
        Assert.Equal(result.ItemIds, watched.MissingItemIds);
        Assert.Null(await h.Client.GetQueueItemAsync(result.ItemIds[0], CancellationToken.None));
    }

    [Fact]
    public async Task ControlEndpoint_PutFaults_AppliesToNextRequests()
    {
        await using var h = await InvokeAiHarness.StartAsync(Options(new FakeFaults()));
        using var http = new HttpClient { BaseAddress = h.Fake.BaseUri };

        (await http.PutAsJsonAsync("_fake/faults", new { serverErrorCount = 1, pathContains = "/enqueue_batch" })).EnsureSuccessStatusCode();

        await Assert.ThrowsAsync<InvokeAiGenerationException>(() =>
            h.Client.EnqueueBatchAsync(InvokeAiGraphBuilder.Build(InvokeAiRequests.For("sd-1")), prepend: false, CancellationToken.None));
        Assert.Equal("6.13.8", await h.Client.GetVersionAsync(CancellationToken.None));
    }

    [Fact]
    public async Task GetVersionAsync_NothingListening_ThrowsConnectionException()
    {
        await using var h = await InvokeAiHarness.StartAsync(Options(new FakeFaults()));
        var closedPort = h.Fake.BaseUri;
        await h.Fake.DisposeAsync();

        var error = await Assert.ThrowsAsync<InvokeAiConnectionException>(() => h.Client.GetVersionAsync(CancellationToken.None));

        Assert.Contains(closedPort.Authority, error.Message);
    }

    private static FakeInvokeAiOptions Options(FakeFaults faults) => new() { ItemDurationMs = 40, ProgressSteps = 2, Faults = faults };
}
