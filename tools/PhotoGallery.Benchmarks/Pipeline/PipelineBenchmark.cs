using System.Diagnostics;
using System.Globalization;
using PhotoGallery.Benchmarks.Imaging;
using PhotoGallery.Core.Imaging;
using PhotoGallery.Core.Photos;

namespace PhotoGallery.Benchmarks.Pipeline;

/// <summary>
/// The whole upload pipeline (<see cref="PhotoImporter.ImportAsync"/>: stream to temp + SHA-256, header validation,
/// EXIF, duplicate check, one decode → thumbnail + preview, atomic writes, SQLite row) into a fresh data root, each
/// case in its own process so its peak memory is its own; vipsthumbnail on the same files in the same run.
/// </summary>
public sealed class PipelineBenchmark : IBenchmarkSection
{
    public string Name => "pipeline";

    public string Description => "whole upload pipeline (PhotoImporter.ImportAsync into a temp data root + SQLite), vipsthumbnail reference";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var corpus = new ImagingCorpus(context.WorkFolder, context.FileCount);
        corpus.EnsureCreated(context.Line);
        var defaultParallelism = new PhotoOptions().UploadParallelism;
        var defaultEncodes = new ImagingOptions().MaxParallelEncodes;
        context.Line();
        context.Line($"Default parallelism: Photos:UploadParallelism = {defaultParallelism}, Imaging:MaxParallelEncodes = {defaultEncodes} (processor count). " +
                     $"Each pipeline row is the fastest of {context.Repeats} fresh processes (one warm-up photo imported into a separate data root first, " +
                     "not timed); peak = the largest peak resident set (VmHWM) of those processes, baseline = resident set after start-up and warm-up. " +
                     $"vipsthumbnail: `vipsthumbnail -s 300 -o DIR/%s.webp[Q=80] <files>` as 1 process, or N processes over N shares, fastest of {context.Repeats}.");
        context.Line();

        var vips = VipsThumbnailReference.IsInstalled ? await VipsThumbnailReference.VersionAsync(cancellationToken) : null;
        if (vips is null)
            context.Line("vipsthumbnail is not installed here (apt-get install libvips-tools): the reference columns are empty.");
        else
            context.Line($"Reference: {vips} (system libvips, thumbnails only: no preview, no hash, no EXIF, no database).");
        context.Line();
        context.Line("| files | parallel | images/s | ms/image | peak MB | baseline MB | vipsthumbnail images/s (same parallelism) | pipeline ÷ vipsthumbnail |");
        context.Line("| --- | --- | --- | --- | --- | --- | --- | --- |");

        var cases = new List<PipelineCase>();
        foreach (var set in new[] { "jpeg12mp", "png1024" })
        {
            cases.Add(new PipelineCase(set, 1));
            cases.Add(new PipelineCase(set, defaultParallelism));
        }

        cases.Add(new PipelineCase("png8192", 1));
        foreach (var pipelineCase in cases)
        {
            var result = await MeasureAsync(context, pipelineCase, cancellationToken);
            var reference = vips is null || pipelineCase.Set == "png8192"
                ? (double?)null
                : corpus.Files(pipelineCase.Set).Count / await VipsThumbnailReference.MeasureAsync(
                    corpus.Files(pipelineCase.Set), pipelineCase.Parallelism, context.Repeats, Path.Combine(context.WorkFolder, "vipsthumbnail-out"), cancellationToken);
            context.Line(string.Create(CultureInfo.InvariantCulture,
                $"| {pipelineCase.Set} | {pipelineCase.Parallelism} | {result.ImagesPerSecond:0.0} | {result.MillisecondsPerImage:0} | {result.PeakWorkingSetMb:0} | {result.BaselineWorkingSetMb:0} | {reference?.ToString("0.0", CultureInfo.InvariantCulture) ?? "—"} | {(reference is { } r ? (result.ImagesPerSecond / r).ToString("0.00×", CultureInfo.InvariantCulture) : "—")} |"));
        }

        context.Line();
        var stages = PipelineCaseResult.FromLine(await context.RunChildAsync(Name, new PipelineCase("jpeg12mp", 1, Stages: true).ToArgument(), cancellationToken));
        context.Line("Where the time goes (12 MP JPEG, one at a time, mean ms per photo; the importer's steps redone with the same public pieces and a stopwatch, one process):");
        context.Line();
        context.Line("| stage | ms/photo | share |");
        context.Line("| --- | --- | --- |");
        var total = stages.StageMilliseconds!.Values.Sum();
        foreach (var (stage, ms) in stages.StageMilliseconds)
            context.Line(string.Create(CultureInfo.InvariantCulture, $"| {stage} | {ms:0.0} | {ms / total:0%} |"));
        context.Line(string.Create(CultureInfo.InvariantCulture, $"| total | {total:0.0} | |"));
    }

    public async Task<string> RunChildAsync(string argument, BenchmarkContext context, CancellationToken cancellationToken)
    {
        var pipelineCase = PipelineCase.FromArgument(argument);
        var corpus = new ImagingCorpus(context.WorkFolder, context.FileCount);
        var files = corpus.Files(pipelineCase.Set);
        var runs = Path.Combine(context.WorkFolder, "pipeline-runs");
        var run = Guid.NewGuid().ToString("N");
        try
        {
            // Warm-up (JIT, libvips start-up, EF model) in a separate data root, so the measured set starts empty.
            await using (var warmUp = await PipelineHost.CreateAsync(Path.Combine(runs, run + "-warmup"), pipelineCase.Parallelism, cancellationToken))
            {
                var first = pipelineCase.Set == "png8192" ? corpus.Pngs1024[0] : files[0];
                EnsureStored(await warmUp.ImportFileAsync(first, cancellationToken));
            }

            await using var host = await PipelineHost.CreateAsync(Path.Combine(runs, run), pipelineCase.Parallelism, cancellationToken);
            if (pipelineCase.Stages)
            {
                var stages = await PipelineStages.MeasureAsync(host, files, cancellationToken);
                return new PipelineCaseResult(files.Count, stages.Values.Sum() * files.Count / 1000, 0, 0, stages).ToLine();
            }

            var baseline = Process.GetCurrentProcess().WorkingSet64;
            var started = Stopwatch.GetTimestamp();
            await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = pipelineCase.Parallelism, CancellationToken = cancellationToken },
                async (file, ct) => EnsureStored(await host.ImportFileAsync(file, ct)));
            var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

            using var self = Process.GetCurrentProcess();
            const double megabyte = 1024 * 1024;
            return new PipelineCaseResult(files.Count, seconds, self.PeakWorkingSet64 / megabyte, baseline / megabyte).ToLine();
        }
        finally
        {
            foreach (var folder in new[] { run, run + "-warmup" }.Select(f => Path.Combine(runs, f)).Where(Directory.Exists))
                Directory.Delete(folder, recursive: true);
        }
    }

    private static async Task<PipelineCaseResult> MeasureAsync(BenchmarkContext context, PipelineCase pipelineCase, CancellationToken cancellationToken)
    {
        // The machine is shared: of several runs, the fastest is the one least disturbed; peak memory is the largest seen.
        var runs = new List<PipelineCaseResult>();
        for (var run = 0; run < context.Repeats; run++)
            runs.Add(PipelineCaseResult.FromLine(await context.RunChildAsync("pipeline", pipelineCase.ToArgument(), cancellationToken)));
        return runs.MinBy(r => r.Seconds)! with { PeakWorkingSetMb = runs.Max(r => r.PeakWorkingSetMb) };
    }

    private static void EnsureStored(UploadOutcome outcome)
    {
        if (outcome.Status != UploadStatus.Stored)
            throw new InvalidOperationException($"{outcome.FileName} was not stored: {outcome.Status} {outcome.Message}");
    }
}
