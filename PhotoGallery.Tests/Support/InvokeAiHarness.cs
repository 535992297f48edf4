using FakeInvokeAi;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhotoGallery.Core.Backends;
using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Backends.InvokeAi.Events;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Models;

namespace PhotoGallery.Tests.Support;

/// <summary>
/// The fake InvokeAI on a loopback port plus the app's real InvokeAI services (typed client with its resilience
/// pipeline, ActiveBackend, model cache) over a SQLite file database pointing at the fake.
/// </summary>
public sealed class InvokeAiHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _databaseFile;

    private InvokeAiHarness(FakeInvokeAiServer fake, ServiceProvider services, string databaseFile)
    {
        Fake = fake;
        _services = services;
        _databaseFile = databaseFile;
    }

    public FakeInvokeAiServer Fake { get; }
    public IServiceProvider Services => _services;
    public InvokeAiClient Client => _services.GetRequiredService<InvokeAiClient>();
    public InvokeAiQueueWatcher Watcher => _services.GetRequiredService<InvokeAiQueueWatcher>();
    public ActiveBackend Backend => _services.GetRequiredService<ActiveBackend>();
    public IDbContextFactory<GalleryDbContext> Db => _services.GetRequiredService<IDbContextFactory<GalleryDbContext>>();

    public AiModelService CreateModelService() => _services.GetRequiredService<AiModelService>();

    public static async Task<InvokeAiHarness> StartAsync(
        FakeInvokeAiOptions? fakeOptions = null,
        int readTimeoutSeconds = 5,
        string? token = null)
    {
        var options = fakeOptions ?? new FakeInvokeAiOptions();
        options.Urls = "http://127.0.0.1:0";
        var fake = await FakeInvokeAiServer.StartAsync(options, CancellationToken.None);
        var file = Path.Combine(Path.GetTempPath(), $"pg-invokeai-{Guid.NewGuid():N}.db");
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider())
            .AddGalleryData(new DatabaseTarget(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = file }.ToString()));
        services.AddOptions<InvokeAiOptions>().Configure(o =>
        {
            o.ConnectionTimeoutSeconds = 2;
            o.ReadTimeoutSeconds = readTimeoutSeconds;
        });
        services.AddInvokeAi().AddModels();
        var provider = services.BuildServiceProvider();
        var harness = new InvokeAiHarness(fake, provider, file);

        await using (var db = await harness.Db.CreateDbContextAsync())
        {
            await db.Database.MigrateAsync();
            db.AppSettings.Add(new AppSettings { LocalUrl = fake.BaseUri.ToString(), UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        if (token is not null)
            await harness.Backend.SaveTokenAsync(token, CancellationToken.None);
        return harness;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
        SqliteConnection.ClearAllPools();
        File.Delete(_databaseFile);
    }
}
