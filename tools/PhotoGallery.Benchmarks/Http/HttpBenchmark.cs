using System.Globalization;
using System.Net;
using Microsoft.EntityFrameworkCore;
using PhotoGallery.Benchmarks.Common;
using PhotoGallery.Benchmarks.Pipeline;

namespace PhotoGallery.Benchmarks.Http;

/// <summary>
/// Thumbnail serving over loopback: the real app (Release) serving <c>GET /media/{id}/thumbnail</c> over a data root
/// seeded through the upload pipeline, against nginx serving the same thumbnail files by path, with wrk in the same
/// run; and a check that revalidation with If-None-Match answers 304.
/// </summary>
public sealed class HttpBenchmark : IBenchmarkSection
{
    private const int Photos = 200;
    private const int Threads = 2;
    private const int Connections = 32;
    private const int Seconds = 10;

    public string Name => "http";

    public string Description => "thumbnail serving requests/s (app's /media/{id}/thumbnail vs nginx on the same files, wrk over loopback)";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        if (!File.Exists(WrkRun.Executable))
        {
            context.Line($"Skipped: {WrkRun.Executable} is not installed here (apt-get install wrk).");
            return;
        }

        var webDll = SolutionPaths.WebDll("Release");
        if (!File.Exists(webDll))
        {
            context.Line($"Skipped: {webDll} does not exist; build it first with `dotnet build PhotoGallery.Web -c Release`.");
            return;
        }

        var folder = Path.Combine(context.WorkFolder, "http");
        var root = Path.Combine(folder, "root");
        if (Directory.Exists(root))
            Directory.Delete(root, recursive: true);
        var photos = HttpCorpus.EnsureCreated(Path.Combine(folder, "corpus"), Photos);
        List<(Guid Id, string Thumbnail)> thumbnails;
        await using (var host = await PipelineHost.CreateAsync(root, 2, cancellationToken))
        {
            await Parallel.ForEachAsync(photos, new ParallelOptions { MaxDegreeOfParallelism = 2, CancellationToken = cancellationToken },
                async (file, ct) => await host.ImportFileAsync(file, ct));
            await using var db = await host.Database.CreateDbContextAsync(cancellationToken);
            thumbnails = (await db.Photos.AsNoTracking().Select(p => new { p.Id, p.ThumbnailPath }).ToListAsync(cancellationToken))
                .Select(p => (p.Id, p.ThumbnailPath!)).ToList();
        }

        var meanKb = thumbnails.Average(t => new FileInfo(Path.Combine(root, t.Thumbnail)).Length) / 1024.0;
        context.Line($"Method: {thumbnails.Count} photos (800 × 600 JPEGs) imported through the upload pipeline into a fresh data root (SQLite); thumbnails are 300 px WebP, mean {meanKb.ToString("0.0", CultureInfo.InvariantCulture)} KB. " +
            $"The app: `dotnet PhotoGallery.Web/bin/Release/net10.0/PhotoGallery.Web.dll --urls http://127.0.0.1:0 --Storage:Root <root>` (Production, its own logging: " +
            "Serilog to console and file; served thumbnails log their request line at Debug, so not at the default level). nginx: a temporary config (worker_processes auto, sendfile, access_log off) serving the data root by path. " +
            $"Load: `{WrkRun.Command(Threads, Connections, Seconds)}`, the script rotating over the {thumbnails.Count} thumbnail URLs; wrk runs on the same 2 cores. " +
            $"Servers take turns, {context.Repeats} rounds, best requests/s of each reported. All on 127.0.0.1.");
        context.Line();

        var appPaths = thumbnails.Select(t => $"/media/{t.Id}/thumbnail").ToList();
        var nginxPaths = thumbnails.Select(t => "/" + t.Thumbnail.Replace('\\', '/')).ToList();
        var scripts = Path.Combine(folder, "wrk");
        var contenders = new List<(string Name, Func<int, CancellationToken, Task<WrkRun?>> Run)>
        {
            ("app /media/{id}/thumbnail", (round, ct) => RunAppAsync(root, [], appPaths, scripts, round == 0 ? context : null, ct)),
        };
        var minimalFiles = thumbnails.ToDictionary(t => t.Id, t => Path.Combine(root, t.Thumbnail));
        contenders.Add(("minimal Kestrel file endpoint (floor: lookup + Results.File, no middleware, in-process)",
            (_, ct) => RunMinimalAsync(minimalFiles, thumbnails.Select(t => $"/t/{t.Id}").ToList(), scripts, ct)));
        if (File.Exists(NginxServer.Executable))
            contenders.Add(("nginx, same files by path", (_, ct) => RunNginxAsync(root, Path.Combine(folder, "nginx"), nginxPaths, scripts, ct)));
        else
            context.Line($"nginx is not installed here ({NginxServer.Executable}): no reference row and no ratio.");

        var best = contenders.ToDictionary(c => c.Name, _ => (WrkRun?)null);
        for (var round = 0; round < context.Repeats; round++)
        {
            foreach (var (name, run) in contenders)
            {
                var result = await run(round, cancellationToken);
                if (result is not null && (best[name] is null || result.RequestsPerSecond > best[name]!.RequestsPerSecond))
                    best[name] = result;
            }
        }

        var nginx = best.Where(b => b.Key.StartsWith("nginx", StringComparison.Ordinal)).Select(b => b.Value).FirstOrDefault();
        context.Line("| server | requests/s | ÷ nginx | requests | non-2xx/3xx | socket errors | latency (avg, stdev, max) |");
        context.Line("| --- | --- | --- | --- | --- | --- | --- |");
        foreach (var (name, result) in best)
        {
            if (result is null)
                continue;
            var ratio = nginx is null ? "—" : (result.RequestsPerSecond / nginx.RequestsPerSecond).ToString("0.00×", CultureInfo.InvariantCulture);
            context.Line(string.Create(CultureInfo.InvariantCulture,
                $"| {name} | {result.RequestsPerSecond:N0} | {ratio} | {result.Requests:N0} | {result.NonSuccess} | {result.SocketErrors} | {result.LatencyLine.Replace("Latency", "", StringComparison.Ordinal).Trim()} |"));
        }
    }

    public Task<string> RunChildAsync(string argument, BenchmarkContext context, CancellationToken cancellationToken) =>
        throw new NotSupportedException("The http section runs in the main process.");

    private static async Task<WrkRun?> RunAppAsync(string root, string[] arguments, IReadOnlyList<string> paths, string scripts, BenchmarkContext? revalidationReport, CancellationToken cancellationToken)
    {
        await using var app = await AppServer.StartAsync(root, arguments, cancellationToken);
        await CheckRevalidationAsync(app.BaseUrl, paths[0], revalidationReport, cancellationToken);
        return await WrkRun.RunAsync(app.BaseUrl, paths, scripts, Threads, Connections, Seconds, cancellationToken);
    }

    private static async Task<WrkRun?> RunMinimalAsync(IReadOnlyDictionary<Guid, string> files, IReadOnlyList<string> paths, string scripts, CancellationToken cancellationToken)
    {
        await using var server = await MinimalFileServer.StartAsync(files, cancellationToken);
        return await WrkRun.RunAsync(server.BaseUrl, paths, scripts, Threads, Connections, Seconds, cancellationToken);
    }

    private static async Task<WrkRun?> RunNginxAsync(string root, string prefix, IReadOnlyList<string> paths, string scripts, CancellationToken cancellationToken)
    {
        await using var nginx = await NginxServer.StartAsync(root, prefix, cancellationToken);
        return await WrkRun.RunAsync(nginx.BaseUrl, paths, scripts, Threads, Connections, Seconds, cancellationToken);
    }

    /// <summary>A first GET answers 200 with a strong ETag and immutable caching; the same GET with If-None-Match answers 304.</summary>
    private static async Task CheckRevalidationAsync(string baseUrl, string path, BenchmarkContext? report, CancellationToken cancellationToken)
    {
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };
        using var first = await client.GetAsync(path, cancellationToken);
        if (first.StatusCode != HttpStatusCode.OK || first.Headers.ETag is null)
            throw new InvalidOperationException($"GET {path} answered {(int)first.StatusCode} without an ETag; the app is not serving thumbnails here.");

        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.IfNoneMatch.Add(first.Headers.ETag);
        using var second = await client.SendAsync(request, cancellationToken);
        if (second.StatusCode != HttpStatusCode.NotModified)
            throw new InvalidOperationException($"Revalidation of {path} with If-None-Match answered {(int)second.StatusCode}, expected 304.");

        report?.Line($"Revalidation check: `GET {path}` → 200, {first.Content.Headers.ContentType}, {first.Content.Headers.ContentLength} bytes, " +
                     $"ETag {first.Headers.ETag}, Cache-Control `{first.Headers.CacheControl}`; the same GET with `If-None-Match: {first.Headers.ETag}` → " +
                     $"{(int)second.StatusCode} {second.StatusCode}, {second.Content.Headers.ContentLength ?? 0} bytes.");
        report?.Line();
    }
}
