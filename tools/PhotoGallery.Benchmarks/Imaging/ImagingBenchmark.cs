using System.Diagnostics;
using System.Globalization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using PhotoGallery.Core.Imaging;
using PhotoGallery.Core.Photos;

namespace PhotoGallery.Benchmarks.Imaging;

/// <summary>
/// The imaging seam alone (InspectAsync + RenderAsync: header check, EXIF, one decode, WebP thumbnail and preview),
/// per engine, one image at a time and with the default parallelism; each case in its own process so its peak
/// memory is its own. Beside it: vipsthumbnail on the same files, and WebP against JPEG for the preview.
/// </summary>
public sealed class ImagingBenchmark : IBenchmarkSection
{
    public string Name => "imaging";

    public string Description => "imaging seam (ImageProcessor.InspectAsync + RenderAsync) per engine, vipsthumbnail reference, preview format";

    public async Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken)
    {
        var corpus = new ImagingCorpus(context.WorkFolder, context.FileCount);
        corpus.EnsureCreated(context.Line);
        var defaultParallelism = new ImagingOptions().MaxParallelEncodes;
        context.Line();
        context.Line($"Default parallelism (ImagingOptions.MaxParallelEncodes = processor count): {defaultParallelism}. " +
                     $"Each row is the fastest of {context.Repeats} fresh processes; time excludes one warm-up image; " +
                     "peak = the largest peak resident set (VmHWM) of those processes, baseline = resident set after start-up and warm-up.");
        context.Line();
        context.Line("| engine | files | parallel | preview | images/s | ms/image | peak MB | baseline MB | thumb KB | preview KB |");
        context.Line("| --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");

        var defaultPreview = new ImagingOptions().PreviewFormat;
        var otherPreview = defaultPreview == PreviewFormat.Jpeg ? PreviewFormat.WebP : PreviewFormat.Jpeg;
        var cases = new List<ImagingCase>();
        foreach (var engine in new[] { ImagingEngine.NetVips, ImagingEngine.ImageSharp })
        {
            foreach (var set in new[] { "jpeg12mp", "png1024" })
            {
                cases.Add(new ImagingCase(engine, set, 1, defaultPreview));
                cases.Add(new ImagingCase(engine, set, defaultParallelism, defaultPreview));
            }

            cases.Add(new ImagingCase(engine, "jpeg12mp", defaultParallelism, otherPreview));
            cases.Add(new ImagingCase(engine, "png8192", 1, defaultPreview));
        }

        foreach (var imagingCase in cases)
        {
            // The machine is shared: of several runs, the fastest is the one least disturbed; peak memory is the largest seen.
            var runs = new List<ImagingCaseResult>();
            for (var run = 0; run < context.Repeats; run++)
            {
                runs.Add(ImagingCaseResult.FromLine(await context.RunChildAsync(Name, imagingCase.ToArgument(), cancellationToken)));
            }

            var result = runs.MinBy(r => r.Seconds)! with { PeakWorkingSetMb = runs.Max(r => r.PeakWorkingSetMb) };
            context.Line(string.Create(CultureInfo.InvariantCulture,
                $"| {imagingCase.Engine} | {imagingCase.Set} | {imagingCase.Parallelism} | {imagingCase.PreviewFormat} | {result.ImagesPerSecond:0.0} | {result.MillisecondsPerImage:0} | {result.PeakWorkingSetMb:0} | {result.BaselineWorkingSetMb:0} | {result.MeanThumbnailKb:0.0} | {result.MeanPreviewKb:0} |"));
        }

        context.Line();
        await VipsThumbnailReference.RunAsync(context, corpus, defaultParallelism, cancellationToken);
        context.Line();
        PreviewEncodingComparison.Run(context, corpus);
    }

    public async Task<string> RunChildAsync(string argument, BenchmarkContext context, CancellationToken cancellationToken)
    {
        var imagingCase = ImagingCase.FromArgument(argument);
        var files = new ImagingCorpus(context.WorkFolder, context.FileCount).Files(imagingCase.Set);
        var processor = new ImageProcessor(
            Options.Create(new ImagingOptions { Engine = imagingCase.Engine, MaxParallelEncodes = imagingCase.Parallelism, PreviewFormat = imagingCase.PreviewFormat }),
            Options.Create(new PhotoOptions()),
            NullLogger<ImageProcessor>.Instance);

        await ProcessAsync(processor, files[0], cancellationToken);
        var baseline = Process.GetCurrentProcess().WorkingSet64;
        long thumbnailBytes = 0, previewBytes = 0;
        var started = Stopwatch.GetTimestamp();
        await Parallel.ForEachAsync(files, new ParallelOptions { MaxDegreeOfParallelism = imagingCase.Parallelism, CancellationToken = cancellationToken }, async (file, ct) =>
        {
            var renditions = await ProcessAsync(processor, file, ct);
            Interlocked.Add(ref thumbnailBytes, renditions.Thumbnail.Length);
            Interlocked.Add(ref previewBytes, renditions.Preview.Length);
        });
        var seconds = Stopwatch.GetElapsedTime(started).TotalSeconds;

        using var self = Process.GetCurrentProcess();
        const double megabyte = 1024 * 1024;
        return new ImagingCaseResult(
            files.Count, seconds, self.PeakWorkingSet64 / megabyte, baseline / megabyte,
            thumbnailBytes / 1024.0 / files.Count, previewBytes / 1024.0 / files.Count).ToLine();
    }

    private static async Task<Renditions> ProcessAsync(ImageProcessor processor, string file, CancellationToken cancellationToken)
    {
        var inspection = await processor.InspectAsync(file, Path.GetFileName(file), cancellationToken);
        return await processor.RenderAsync(file, inspection, cancellationToken);
    }
}
