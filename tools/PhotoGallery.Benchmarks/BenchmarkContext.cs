using System.Diagnostics;

namespace PhotoGallery.Benchmarks;

/// <summary>Settings shared by the sections, and the Markdown report they append to.</summary>
public sealed class BenchmarkContext(string workFolder, int fileCount, int repeats, TextWriter report)
{
    /// <summary>Where generated corpora and outputs live (reused between runs when present).</summary>
    public string WorkFolder { get; } = workFolder;

    /// <summary>How many files of each kind a throughput run processes.</summary>
    public int FileCount { get; } = fileCount;

    /// <summary>How many times each measurement runs; sections report the best (least disturbed) run.</summary>
    public int Repeats { get; } = repeats;

    public void Line(string text = "")
    {
        report.WriteLine(text);
        report.Flush();
        Console.WriteLine(text);
    }

    /// <summary>Starts this program again with <c>--child section argument</c> and returns its last stdout line.</summary>
    public async Task<string> RunChildAsync(string section, string argument, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            start.ArgumentList.Add(typeof(BenchmarkContext).Assembly.Location);
        }

        foreach (var arg in new[] { "--child", section, argument, "--work", WorkFolder, "--files", FileCount.ToString(System.Globalization.CultureInfo.InvariantCulture) })
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the child benchmark process.");
        var output = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var errors = process.StandardError.ReadToEndAsync(cancellationToken);
        await process.WaitForExitAsync(cancellationToken);
        var lines = (await output).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (process.ExitCode != 0 || lines.Length == 0)
        {
            throw new InvalidOperationException($"Child '{section} {argument}' failed with exit code {process.ExitCode}: {await errors}");
        }

        return lines[^1];
    }
}
