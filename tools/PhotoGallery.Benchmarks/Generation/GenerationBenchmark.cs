using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using PhotoGallery.Benchmarks.Common;
using PhotoGallery.Core.Backends;
using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Generation;
using PhotoGallery.Core.Generation.Steps;
using PhotoGallery.Core.Imaging;
using PhotoGallery.Core.Models;
using PhotoGallery.Core.Photos;
using PhotoGallery.Core.Storage;

namespace PhotoGallery.Benchmarks.Generation;

/// <summary>
/// From a queue item's completion in InvokeAI (its <c>completed_at</c>) to the image stored in the library with its
/// thumbnail (the alternative's "done" committed and announced), per image: batches of 10 SDXL 1024² images from the
/// fake InvokeAI in its own process over loopback, through the app's real monitor, retriever and ingest path on SQLite.
/// Once with Socket.IO events, once with polling only; memory after each of the consecutive batches.
/// </summary>
public sealed class GenerationBenchmark : IBenchmarkSection
{
    private const int BatchSize = 10;
    private const int Batches = 20;
    private const int PollIntervalMs = 1000;

    public string Name => "generation";

    public string Description => $"queue item completed → image in the library, {Batches} batches of {BatchSize} SDXL 1024² images from the fake InvokeAI, events vs polling";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        context.Line($"Method: the fake InvokeAI runs as its own process (100 ms per item, 1024² PNGs of about 2–3 MB); the app's generation services run in a " +
                     $"child process over SQLite in a temp data root (retrieval concurrency 3, poll interval {PollIntervalMs} ms). Latency per image = the moment " +
                     "the app announces the alternative done (photo row, original, WebP thumbnail and preview written) minus the item's completed_at in InvokeAI. " +
                     "Memory: managed heap after a full collection and the process working set, after each batch.");
        context.Line();
        context.Line("| mode | images | median | p95 | max | managed heap after batch 1 → 10 → 20 (max) | working set after batch 1 → 10 → 20 (max) |");
        context.Line("|---|---|---|---|---|---|---|");
        foreach (var mode in new[] { "events", "polling" })
        {
            var result = JsonSerializer.Deserialize<Result>(await context.RunChildAsync(Name, mode, cancellationToken))!;
            var latency = Percentiles.Of(result.LatenciesMs);
            context.Line(string.Create(CultureInfo.InvariantCulture,
                $"| {mode} | {latency.Count} | {latency.Median:0} ms | {latency.P95:0} ms | {result.LatenciesMs.Max():0} ms | " +
                $"{result.HeapMb[0]:0.0} → {result.HeapMb[9]:0.0} → {result.HeapMb[^1]:0.0} MB ({result.HeapMb.Max():0.0}) | " +
                $"{result.WorkingSetMb[0]:0} → {result.WorkingSetMb[9]:0} → {result.WorkingSetMb[^1]:0} MB ({result.WorkingSetMb.Max():0}) |"));
        }
        context.Line();
        context.Line($"Targets: median < 150 ms with events, < poll interval + 150 ms ({PollIntervalMs + 150} ms) with polling only; p95 < 400 ms with events; memory flat.");
    }

    public async Task<string> RunChildAsync(string argument, BenchmarkContext context, CancellationToken cancellationToken)
    {
        var events = argument == "events";
        await using var fake = await FakeInvokeAiProcess.StartAsync(sockets: events, itemMs: 100, cancellationToken);
        var root = Path.Combine(context.WorkFolder, "generation-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(root);
        try
        {
            await using var services = await BuildAsync(root, fake.BaseUri, cancellationToken);
            var result = await MeasureAsync(services, cancellationToken);
            return JsonSerializer.Serialize(result);
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            Directory.Delete(root, recursive: true);
        }
    }

    private static async Task<Result> MeasureAsync(ServiceProvider services, CancellationToken cancellationToken)
    {
        var submitter = services.GetRequiredService<StepSubmitter>();
        var notifier = services.GetRequiredService<GenerationNotifier>();
        var db = services.GetRequiredService<IDbContextFactory<GalleryDbContext>>();
        var done = new Dictionary<Guid, DateTime>();
        var changed = new SemaphoreSlim(0);
        using var subscription = notifier.Subscribe(null, change =>
        {
            if (change.Kind == GenerationChangeKind.State)
                changed.Release();
            return Task.CompletedTask;
        });

        var latencies = new List<double>();
        var heap = new List<double>();
        var workingSet = new List<double>();
        Guid? session = null;
        for (var batch = 0; batch < Batches; batch++)
        {
            var input = new GenerationInput
            {
                Prompt = $"a lighthouse at dusk, study {batch + 1}", ModelKey = "3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0003",
                Width = 1024, Height = 1024, Steps = 30, CfgScale = 6.5, Scheduler = "dpmpp_2m_k", BatchSize = BatchSize,
            };
            var step = await submitter.SubmitAsync(session, input, cancellationToken);
            session = step.SessionId;
            var seen = 0;
            var until = DateTime.UtcNow.AddMinutes(5);
            while (seen < BatchSize && DateTime.UtcNow < until)
            {
                await changed.WaitAsync(TimeSpan.FromMilliseconds(200), cancellationToken);
                var now = DateTime.UtcNow;
                await using var context = await db.CreateDbContextAsync(cancellationToken);
                var finished = await context.StepAlternatives.AsNoTracking()
                    .Where(a => a.StepId == step.StepId && a.Status == AlternativeStatus.Done)
                    .Select(a => new { a.Id, a.FinishedAt }).ToListAsync(cancellationToken);
                foreach (var alternative in finished.Where(a => !done.ContainsKey(a.Id)))
                {
                    done[alternative.Id] = now;
                    latencies.Add((now - alternative.FinishedAt!.Value).TotalMilliseconds);
                }
                seen = finished.Count;
            }
            if (seen < BatchSize)
                throw new InvalidOperationException($"Batch {batch + 1} did not finish: {seen} of {BatchSize} images stored.");
            GC.Collect();
            GC.WaitForPendingFinalizers();
            heap.Add(GC.GetTotalMemory(forceFullCollection: true) / 1048576.0);
            using var self = Process.GetCurrentProcess();
            workingSet.Add(self.WorkingSet64 / 1048576.0);
        }
        return new Result(latencies, heap, workingSet);
    }

    private static async Task<ServiceProvider> BuildAsync(string root, Uri fake, CancellationToken cancellationToken)
    {
        var target = new DatabaseTarget(DatabaseProvider.Sqlite, new SqliteConnectionStringBuilder { DataSource = Path.Combine(root, "gallery.db") }.ToString());
        var services = new ServiceCollection()
            .AddLogging(b => b.SetMinimumLevel(LogLevel.Warning).AddConsole())
            .AddSingleton<IConfiguration>(new ConfigurationBuilder().Build())
            .AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider())
            .AddSingleton(TimeProvider.System)
            .AddGalleryData(target);
        services.AddStorage().AddImaging().AddPhotos().AddBackends().AddInvokeAi().AddModels().AddGeneration();
        services.Configure<StorageOptions>(o => o.Root = root);
        services.Configure<GenerationOptions>(o => o.PollIntervalMs = PollIntervalMs);
        var provider = services.BuildServiceProvider();
        await new DatabaseMigrator(provider.GetRequiredService<IDbContextFactory<GalleryDbContext>>(), target, NullLogger<DatabaseMigrator>.Instance).StartAsync(cancellationToken);
        provider.GetRequiredService<IPhotoStore>().EnsureWritable();
        await using (var db = await provider.GetRequiredService<IDbContextFactory<GalleryDbContext>>().CreateDbContextAsync(cancellationToken))
        {
            db.AppSettings.Add(new AppSettings { LocalUrl = fake.ToString(), UpdatedAt = DateTime.UtcNow });
            await db.SaveChangesAsync(cancellationToken);
        }
        await provider.GetRequiredService<AiModelService>().RefreshAsync(cancellationToken);
        return provider;
    }

    private sealed record Result(List<double> LatenciesMs, List<double> HeapMb, List<double> WorkingSetMb);
}
