using System.Diagnostics;
using System.Globalization;

namespace PhotoGallery.Benchmarks.Imaging;

/// <summary>
/// The command-line <c>vipsthumbnail</c> (the system's libvips) making 300 px WebP thumbnails of the same files:
/// one process over all files, then N processes over N shares at once. Thumbnails only, no preview, no EXIF.
/// </summary>
public static class VipsThumbnailReference
{
    private const string Executable = "/usr/bin/vipsthumbnail";

    public static async Task RunAsync(BenchmarkContext context, ImagingCorpus corpus, int processes, CancellationToken cancellationToken)
    {
        if (!IsInstalled)
        {
            context.Line($"vipsthumbnail reference: {Executable} is not installed here (apt-get install libvips-tools), so there is no reference row.");
            return;
        }

        var version = await VersionAsync(cancellationToken);
        var output = Path.Combine(context.WorkFolder, "vipsthumbnail-out");
        Directory.CreateDirectory(output);
        context.Line($"Reference: `vipsthumbnail -s 300 -o {output}/%s.webp[Q=80] <files>` ({version}), thumbnails only, fastest of {context.Repeats}:");
        context.Line();
        context.Line("| files | processes | images/s | ms/image |");
        context.Line("| --- | --- | --- | --- |");
        foreach (var set in new[] { "jpeg12mp", "png1024" })
        {
            var files = corpus.Files(set);
            foreach (var count in new[] { 1, processes })
            {
                var seconds = await MeasureAsync(files, count, context.Repeats, output, cancellationToken);
                context.Line(string.Create(CultureInfo.InvariantCulture,
                    $"| {set} | {count} | {files.Count / seconds:0.0} | {seconds * 1000 / files.Count:0} |"));
            }
        }
    }

    public static bool IsInstalled => File.Exists(Executable);

    public static async Task<string> VersionAsync(CancellationToken cancellationToken) =>
        (await RunAsync(["--vips-version"], cancellationToken)).Trim();

    /// <summary>Fastest wall time, of <paramref name="repeats"/>, for <paramref name="processes"/> vipsthumbnail processes over shares of the files.</summary>
    public static async Task<double> MeasureAsync(IReadOnlyList<string> files, int processes, int repeats, string output, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(output);
        var shares = files.Select((file, index) => (file, index)).GroupBy(x => x.index % processes, x => x.file).ToList();
        var seconds = double.MaxValue;
        for (var run = 0; run < repeats; run++)
        {
            var started = Stopwatch.GetTimestamp();
            await Task.WhenAll(shares.Select(share =>
                RunAsync(["-s", "300", "-o", Path.Combine(output, "%s.webp[Q=80]"), .. share], cancellationToken)));
            seconds = Math.Min(seconds, Stopwatch.GetElapsedTime(started).TotalSeconds);
        }

        return seconds;
    }

    private static async Task<string> RunAsync(IEnumerable<string> arguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start vipsthumbnail.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"vipsthumbnail failed: {await stderr}");
        }

        return await stdout;
    }
}
