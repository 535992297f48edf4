using FakeInvokeAi;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhotoGallery.Core.Backends;
using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Generation;
using PhotoGallery.Core.Generation.Sessions;
using PhotoGallery.Core.Generation.Steps;
using PhotoGallery.Core.Generation.Tracking;
using PhotoGallery.Core.Imaging;
using PhotoGallery.Core.Models;
using PhotoGallery.Core.Photos;
using PhotoGallery.Core.Storage;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Integration.Generation;

/// <summary>
/// The app's generation services wired as in production (monitor, retriever, ingest, storage, the InvokeAI client with its
/// resilience pipeline and the shared event stream) over a test database and a temp data root, against the fake InvokeAI
/// on a loopback port. The models are refreshed from the fake; the hosted start-up is run by the tests themselves.
/// </summary>
public sealed class GenerationHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;

    private GenerationHarness(FakeInvokeAiServer fake, ServiceProvider services, TestDatabase database, string root)
    {
        Fake = fake;
        _services = services;
        Database = database;
        Root = root;
    }

    public FakeInvokeAiServer Fake { get; }
    public TestDatabase Database { get; }
    public string Root { get; }
    public IServiceProvider Services => _services;
    public StepSubmitter Submitter => _services.GetRequiredService<StepSubmitter>();
    public GenerationMonitor Monitor => _services.GetRequiredService<GenerationMonitor>();
    public ImageRetriever Retriever => _services.GetRequiredService<ImageRetriever>();
    public SessionService Sessions => _services.GetRequiredService<SessionService>();
    public SessionQueries Queries => _services.GetRequiredService<SessionQueries>();
    public GenerationNotifier Notifier => _services.GetRequiredService<GenerationNotifier>();
    public PhotoImporter Importer => _services.GetRequiredService<PhotoImporter>();
    public PhotoTrash Trash => _services.GetRequiredService<PhotoTrash>();
    public IPhotoStore Store => _services.GetRequiredService<IPhotoStore>();

    public static async Task<GenerationHarness> StartAsync(TestDatabase database, FakeInvokeAiOptions? fakeOptions = null, Action<GenerationOptions>? configure = null)
    {
        var options = fakeOptions ?? new FakeInvokeAiOptions { ItemDurationMs = 60, ProgressSteps = 2 };
        options.Urls = "http://127.0.0.1:0";
        var fake = await FakeInvokeAiServer.StartAsync(options, Timeouts.Long);
        var root = RepoPaths.NewTempDirectory("pg-gen");
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning))
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider())
            .AddSingleton(TimeProvider.System)
            .AddSingleton<IDbContextFactory<GalleryDbContext>>(database);
        services.AddStorage().AddImaging().AddPhotos().AddBackends().AddInvokeAi().AddModels().AddGeneration();
        services.Configure<StorageOptions>(o => o.Root = root);
        services.Configure<InvokeAiOptions>(o =>
        {
            o.ConnectionTimeoutSeconds = 2;
            o.ReadTimeoutSeconds = 5;
        });
        services.Configure<GenerationOptions>(o =>
        {
            o.PollIntervalMs = 100;
            o.RetrievalRetrySeconds = 1;
            configure?.Invoke(o);
        });
        var provider = services.BuildServiceProvider();
        var harness = new GenerationHarness(fake, provider, database, root);
        harness.Store.EnsureWritable();
        await using (var db = await database.CreateDbContextAsync())
        {
            db.AppSettings.Add(new AppSettings { LocalUrl = fake.BaseUri.ToString(), UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync();
        }
        await provider.GetRequiredService<AiModelService>().RefreshAsync(CancellationToken.None);
        return harness;
    }

    /// <summary>A form for the fake's models, valid as it is (small images so the tests stay quick).</summary>
    public static GenerationInput Input(string modelBase = "sd-1", int batchSize = 1, string prompt = "a lighthouse at dusk") => modelBase switch
    {
        "sdxl" => new GenerationInput { Prompt = prompt, ModelKey = InvokeAiRequests.Sdxl.Key, Width = 512, Height = 512, Steps = 20, Scheduler = "dpmpp_2m_k", BatchSize = batchSize },
        "flux" => new GenerationInput
        {
            Prompt = prompt, ModelKey = InvokeAiRequests.Flux.Key, Width = 256, Height = 256, Steps = 20, Scheduler = "euler", BatchSize = batchSize,
            VaeKey = InvokeAiRequests.FluxVae.Key, T5EncoderKey = InvokeAiRequests.T5.Key, ClipEmbedKey = InvokeAiRequests.ClipL.Key,
        },
        _ => new GenerationInput { Prompt = prompt, NegativePrompt = "blurry", ModelKey = InvokeAiRequests.Sd15.Key, Width = 256, Height = 256, Steps = 20, Scheduler = "dpmpp_3m_k", BatchSize = batchSize },
    };

    /// <summary>Waits until the step satisfies <paramref name="done"/> (read from the database, as a reload would).</summary>
    public async Task<StepView> WaitForStepAsync(StepRef step, Func<StepView, bool> done, int timeoutSeconds = 45)
    {
        var until = DateTime.UtcNow.AddSeconds(timeoutSeconds);
        StepView? last = null;
        while (DateTime.UtcNow < until)
        {
            last = (await Queries.GetAsync(step.SessionId, CancellationToken.None))?.Step(step.StepId);
            if (last is not null && done(last))
                return last;
            await Task.Delay(50);
        }
        throw new TimeoutException($"Step {step.StepId} did not get there; last seen: {last?.Status}, alternatives {string.Join(", ", last?.Alternatives.Select(a => $"{a.Status}:{a.Error}") ?? [])}");
    }

    public Task<StepView> WaitForEndAsync(StepRef step, int timeoutSeconds = 45) =>
        WaitForStepAsync(step, s => !s.Status.IsInFlight(), timeoutSeconds);

    /// <summary>Every file under the data root, relative with '/' (the empty layout folders do not count).</summary>
    public IReadOnlyList<string> Files() =>
        Directory.GetFiles(Root, "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(Root, f).Replace('\\', '/')).Order().ToList();

    public async Task<List<Photo>> GeneratedPhotosAsync()
    {
        await using var db = await Database.CreateDbContextAsync();
        return await db.Photos.AsNoTracking().Where(p => p.IsGenerated).OrderBy(p => p.Id).ToListAsync();
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await Fake.DisposeAsync();
        try
        {
            Directory.Delete(Root, recursive: true);
        }
        catch (IOException)
        {
            // A retrieval still closing a file; the temp folder is the OS's to clean.
        }
    }
}
