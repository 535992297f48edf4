using FakeInvokeAi;
using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Backends.InvokeAi.Events;
using PhotoGallery.Core.Backends.InvokeAi.Graphs;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Integration.InvokeAi;

/// <summary>Multi-user mode (reference §0): bearer token from settings, refreshed tokens kept, sockets authenticated.</summary>
public sealed class InvokeAiMultiUserTests
{
    private const string Token = "fake-jwt.initial";

    private static FakeInvokeAiOptions MultiUser() => new() { MultiUser = true, Token = Token, ItemDurationMs = 50, ProgressSteps = 2 };

    [Fact]
    public async Task GetAuthStatusAsync_MultiUserServer_ReportsMultiUserWithoutToken()
    {
        await using var h = await InvokeAiHarness.StartAsync(MultiUser());

        var status = await h.Client.GetAuthStatusAsync(CancellationToken.None);

        Assert.True(status.MultiUser);
    }

    [Fact]
    public async Task GetQueueStatusAsync_NoToken_ThrowsAuthenticationException()
    {
        await using var h = await InvokeAiHarness.StartAsync(MultiUser());

        var error = await Assert.ThrowsAsync<InvokeAiAuthenticationException>(() => h.Client.GetQueueStatusAsync(CancellationToken.None));

        Assert.Equal(401, error.StatusCode);
    }

    [Fact]
    public async Task EnqueueBatchAsync_SavedToken_SucceedsAndStoresRefreshedToken()
    {
        await using var h = await InvokeAiHarness.StartAsync(MultiUser(), token: Token);

        var result = await h.Client.EnqueueBatchAsync(InvokeAiGraphBuilder.Build(InvokeAiRequests.For("sd-1") with { Width = 64, Height = 64 }), prepend: false, CancellationToken.None);

        var endpoint = await h.Backend.GetEndpointAsync(CancellationToken.None);
        Assert.NotEqual(Token, endpoint.Token);
        Assert.True(h.Fake.State.IsValidToken(endpoint.Token));
        var watched = await h.Watcher.WatchAsync(result.ItemIds, _ => ValueTask.CompletedTask, TimeSpan.FromMilliseconds(100), Timeouts.Long);
        Assert.Equal(QueueItemStatus.Completed, Assert.Single(watched.Items).Status);
    }

    [Fact]
    public async Task LoginAsync_RightPassword_SavesTokenThatLaterCallsUse()
    {
        await using var h = await InvokeAiHarness.StartAsync(MultiUser());

        await h.Client.LoginAsync("owner@example.com", "invoke", CancellationToken.None);
        var status = await h.Client.GetQueueStatusAsync(CancellationToken.None);

        Assert.True(status.IsStarted);
    }

    [Fact]
    public async Task LoginAsync_WrongPassword_ThrowsAuthenticationException()
    {
        await using var h = await InvokeAiHarness.StartAsync(MultiUser());

        await Assert.ThrowsAsync<InvokeAiAuthenticationException>(() => h.Client.LoginAsync("owner@example.com", "nope", CancellationToken.None));
    }

    [Fact]
    public async Task EventConnection_NoToken_IsRefused()
    {
        await using var h = await InvokeAiHarness.StartAsync(MultiUser());
        var connection = (InvokeAiEventConnection)h.Services.GetService(typeof(InvokeAiEventConnection))!;

        await Assert.ThrowsAsync<InvokeAiAuthenticationException>(() => connection.RunAsync(_ => ValueTask.CompletedTask, Timeouts.Long));
    }

    [Fact]
    public async Task EventConnection_WithToken_Connects()
    {
        await using var h = await InvokeAiHarness.StartAsync(MultiUser(), token: Token);
        var connection = (InvokeAiEventConnection)h.Services.GetService(typeof(InvokeAiEventConnection))!;
        using var stop = new CancellationTokenSource(TimeSpan.FromSeconds(20));

        var run = connection.RunAsync(_ => ValueTask.CompletedTask, stop.Token);
        await InvokeAiClientContractTests.WaitUntilAsync(() => Task.FromResult(connection.IsConnected));
        await stop.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
