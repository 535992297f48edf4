using System.Net;
using System.Net.Sockets;
using FakeInvokeAi;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhotoGallery.Core.Backends;
using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Common;
using PhotoGallery.Core.Data;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Integration.Backends;

/// <summary>The Backend page's service on a real database (SQLite file and PostgreSQL) against the fake InvokeAI.</summary>
public abstract class BackendSettingsServiceTests(PostgresServer? postgres) : DatabaseTestBase(postgres)
{
    private const string ConfiguredUrl = "http://invokeai.lan:9090";

    [Fact]
    public async Task GetAsync_NothingSaved_ReturnsConfiguredUrl()
    {
        await using var services = CreateServices();

        var settings = await Service(services).GetAsync(Timeouts.Long);

        Assert.Equal(new InvokeAiConnectionSettings(ConfiguredUrl, InvokeAiUrlSource.Configuration, ConfiguredUrl, false), settings);
    }

    [Fact]
    public async Task SaveUrlAsync_ValidUrl_WinsOverConfigurationForTheClient()
    {
        await using var services = CreateServices();

        var settings = await Service(services).SaveUrlAsync("  https://pod-9090.proxy.example.net/ ", Timeouts.Long);

        Assert.Equal("https://pod-9090.proxy.example.net", settings.EffectiveUrl);
        Assert.Equal(InvokeAiUrlSource.Saved, settings.Source);
        var endpoint = await services.GetRequiredService<ActiveBackend>().GetEndpointAsync(Timeouts.Long);
        Assert.Equal(new Uri("https://pod-9090.proxy.example.net/"), endpoint.BaseUri);
    }

    [Theory]
    [InlineData("", "Enter the InvokeAI URL")]
    [InlineData("localhost:9090", "absolute http:// or https://")]
    [InlineData("ftp://files.lan/", "absolute http:// or https://")]
    [InlineData("/relative", "absolute http:// or https://")]
    [InlineData("http://me:secret@gpu.lan:9090", "Leave user names and passwords out")]
    [InlineData("http://gpu.lan:9090/?x=1", "cannot have a query")]
    public async Task SaveUrlAsync_InvalidUrl_ThrowsReadableErrorAndSavesNothing(string url, string expected)
    {
        await using var services = CreateServices();
        var service = Service(services);

        var error = await Assert.ThrowsAsync<UserFacingException>(() => service.SaveUrlAsync(url, Timeouts.Long));

        Assert.Contains(expected, error.Message);
        Assert.Equal(InvokeAiUrlSource.Configuration, (await service.GetAsync(Timeouts.Long)).Source);
    }

    [Fact]
    public async Task SaveUrlAsync_DifferentServer_ForgetsTheOldServersToken()
    {
        await using var services = CreateServices();
        await services.GetRequiredService<ActiveBackend>().SaveTokenAsync("old-server-token", Timeouts.Long);

        var settings = await Service(services).SaveUrlAsync("http://other.lan:9090", Timeouts.Long);

        Assert.False(settings.HasToken);
        Assert.Null((await services.GetRequiredService<ActiveBackend>().GetEndpointAsync(Timeouts.Long)).Token);
    }

    [Fact]
    public async Task SaveUrlAsync_SameServerWithSlash_KeepsToken()
    {
        await using var services = CreateServices();
        await services.GetRequiredService<ActiveBackend>().SaveTokenAsync("kept-token", Timeouts.Long);

        var settings = await Service(services).SaveUrlAsync(ConfiguredUrl + "/", Timeouts.Long);

        Assert.True(settings.HasToken);
        Assert.Equal(InvokeAiUrlSource.Saved, settings.Source);
    }

    [Fact]
    public async Task ResetUrlAsync_AfterSave_UsesConfiguredUrlAgain()
    {
        await using var services = CreateServices();
        var service = Service(services);
        await service.SaveUrlAsync("http://other.lan:9090", Timeouts.Long);

        var settings = await service.ResetUrlAsync(Timeouts.Long);

        Assert.Equal(ConfiguredUrl, settings.EffectiveUrl);
        Assert.Equal(InvokeAiUrlSource.Configuration, settings.Source);
        await using var db = await Database.CreateDbContextAsync();
        Assert.Null((await db.AppSettings.SingleAsync()).LocalUrl);
    }

    [Fact]
    public async Task TestConnectionAsync_SingleUserFake_ReportsVersionAndOpenAccess()
    {
        await using var fake = await StartFakeAsync(new FakeInvokeAiOptions());
        await using var services = CreateServices();
        await Service(services).SaveUrlAsync(fake.BaseUri.ToString(), Timeouts.Long);

        var test = await Service(services).TestConnectionAsync(Timeouts.Long);

        Assert.Equal(FakeState.AppVersion, test.Version);
        Assert.False(test.MultiUser);
        Assert.Equal(InvokeAiAccess.Open, test.Access);
        Assert.True(test.QueueStarted);
        Assert.Null(test.Error);
    }

    [Fact]
    public async Task TestConnectionAsync_NothingListening_ReturnsReadableError()
    {
        await using var services = CreateServices();
        var url = $"http://127.0.0.1:{ClosedPort()}";
        await Service(services).SaveUrlAsync(url, Timeouts.Long);

        var test = await Service(services).TestConnectionAsync(Timeouts.Long);

        Assert.False(test.Reachable);
        Assert.Equal(InvokeAiAccess.Unknown, test.Access);
        Assert.Contains("cannot be reached", test.Error);
        Assert.Equal(url, test.Url);
    }

    [Fact]
    public async Task SignInAsync_MultiUserFake_SavesEncryptedTokenThatTheTestThenUses()
    {
        await using var fake = await StartFakeAsync(new FakeInvokeAiOptions { MultiUser = true });
        await using var services = CreateServices();
        var service = Service(services);
        await service.SaveUrlAsync(fake.BaseUri.ToString(), Timeouts.Long);
        var before = await service.TestConnectionAsync(Timeouts.Long);

        await service.SignInAsync(new SignInRequest(" owner@example.com ", "invoke"), Timeouts.Long);

        Assert.Equal(InvokeAiAccess.SignInNeeded, before.Access);
        Assert.True(before.MultiUser);
        var after = await service.TestConnectionAsync(Timeouts.Long);
        Assert.Equal(InvokeAiAccess.SignedIn, after.Access);
        Assert.True((await service.GetAsync(Timeouts.Long)).HasToken);
        var token = (await services.GetRequiredService<ActiveBackend>().GetEndpointAsync(Timeouts.Long)).Token;
        Assert.True(fake.State.IsValidToken(token));
        await using var db = await Database.CreateDbContextAsync();
        var stored = (await db.AppSettings.SingleAsync()).InvokeAiTokenProtected;
        Assert.NotNull(stored);
        Assert.DoesNotContain(token!, stored);
    }

    [Fact]
    public async Task SignInAsync_WrongPassword_ThrowsReadableErrorAndSavesNoToken()
    {
        await using var fake = await StartFakeAsync(new FakeInvokeAiOptions { MultiUser = true });
        await using var services = CreateServices();
        var service = Service(services);
        await service.SaveUrlAsync(fake.BaseUri.ToString(), Timeouts.Long);

        var error = await Assert.ThrowsAsync<InvokeAiAuthenticationException>(
            () => service.SignInAsync(new SignInRequest("owner@example.com", "wrong"), Timeouts.Long));

        Assert.Equal("InvokeAI refused the sign-in: wrong email or password.", error.Message);
        Assert.False((await service.GetAsync(Timeouts.Long)).HasToken);
    }

    [Fact]
    public async Task SignInAsync_EmptyPassword_ThrowsWithoutCallingInvokeAi()
    {
        await using var services = CreateServices();

        var error = await Assert.ThrowsAsync<UserFacingException>(
            () => Service(services).SignInAsync(new SignInRequest("owner@example.com", ""), Timeouts.Long));

        Assert.Contains("email and password", error.Message);
    }

    [Fact]
    public async Task TestConnectionAsync_RejectedToken_ReportsTokenRejected()
    {
        await using var fake = await StartFakeAsync(new FakeInvokeAiOptions { MultiUser = true });
        await using var services = CreateServices();
        var service = Service(services);
        await service.SaveUrlAsync(fake.BaseUri.ToString(), Timeouts.Long);
        await services.GetRequiredService<ActiveBackend>().SaveTokenAsync("expired-token", Timeouts.Long);

        var test = await service.TestConnectionAsync(Timeouts.Long);

        Assert.Equal(InvokeAiAccess.TokenRejected, test.Access);
        Assert.Contains("Sign in again on the Backend page", test.Error);
    }

    [Fact]
    public async Task ForgetTokenAsync_SavedToken_ClearsIt()
    {
        await using var services = CreateServices();
        await services.GetRequiredService<ActiveBackend>().SaveTokenAsync("some-token", Timeouts.Long);

        await Service(services).ForgetTokenAsync(Timeouts.Long);

        Assert.False((await Service(services).GetAsync(Timeouts.Long)).HasToken);
    }

    private static BackendSettingsService Service(ServiceProvider services) =>
        services.GetRequiredService<BackendSettingsService>();

    private ServiceProvider CreateServices()
    {
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider())
            .AddSingleton<IDbContextFactory<GalleryDbContext>>(Database);
        services.AddOptions<InvokeAiOptions>().Configure(o =>
        {
            o.LocalUrl = ConfiguredUrl;
            o.ConnectionTimeoutSeconds = 2;
            o.ReadTimeoutSeconds = 5;
        });
        services.AddInvokeAi();
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateScopes = false });
    }

    private static async Task<FakeInvokeAiServer> StartFakeAsync(FakeInvokeAiOptions options)
    {
        options.Urls = "http://127.0.0.1:0";
        return await FakeInvokeAiServer.StartAsync(options, Timeouts.Long);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

public sealed class SqliteBackendSettingsServiceTests() : BackendSettingsServiceTests(null);

[Collection(PostgresCollection.Name)]
public sealed class PostgresBackendSettingsServiceTests(PostgresServer postgres) : BackendSettingsServiceTests(postgres);
