using System.Diagnostics;
using System.Text.RegularExpressions;
using PhotoGallery.Benchmarks.Common;

namespace PhotoGallery.Benchmarks.Http;

/// <summary>The real app (Release build) as a child process on a free 127.0.0.1 port over a given data root; disposing stops it.</summary>
public sealed partial class AppServer : IAsyncDisposable
{
    private readonly Process _process;

    private AppServer(Process process, string baseUrl)
    {
        _process = process;
        BaseUrl = baseUrl;
    }

    public string BaseUrl { get; }

    public static async Task<AppServer> StartAsync(string dataRoot, IEnumerable<string> extraArguments, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = SolutionPaths.SolutionDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[] { SolutionPaths.WebDll("Release"), "--urls", "http://127.0.0.1:0", "--Storage:Root", dataRoot }.Concat(extraArguments))
            start.ArgumentList.Add(argument);
        // SQLite in the data root, whatever the caller's environment says.
        start.Environment.Remove("DATABASE_URL");
        start.Environment.Remove("ConnectionStrings__Gallery");
        start.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";

        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the app.");
        var url = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Drained so the app never blocks on a full pipe; only the listening line matters.
        process.OutputDataReceived += (_, e) =>
        {
            if (e.Data is { } line && ListeningRegex().Match(line) is { Success: true } match)
                url.TrySetResult(match.Groups[1].Value);
        };
        process.ErrorDataReceived += (_, _) => { };
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => url.TrySetException(new InvalidOperationException($"The app exited with {process.ExitCode} before listening."));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            return new AppServer(process, await url.Task.WaitAsync(TimeSpan.FromSeconds(90), cancellationToken));
        }
        catch
        {
            Stop(process);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        Stop(_process);
        await _process.WaitForExitAsync(CancellationToken.None);
        _process.Dispose();
    }

    private static void Stop(Process process)
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningRegex();
}
