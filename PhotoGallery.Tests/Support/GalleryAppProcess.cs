using System.Diagnostics;
using System.Text;
using System.Text.RegularExpressions;
using PhotoGallery.Core.Common;

namespace PhotoGallery.Tests.Support;

/// <summary>
/// The real app as a child process (<c>dotnet PhotoGallery.Web.dll</c>) on a free loopback port with its own data root.
/// The port is read from Kestrel's "Now listening on:" line.
/// </summary>
public sealed partial class GalleryAppProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output;

    private GalleryAppProcess(Process process, StringBuilder output, string baseUrl, string dataRoot)
    {
        _process = process;
        _output = output;
        BaseUrl = baseUrl;
        DataRoot = dataRoot;
    }

    public string BaseUrl { get; }

    public string DataRoot { get; }

    public string Output
    {
        get
        {
            lock (_output)
                return _output.ToString();
        }
    }

    public static async Task<GalleryAppProcess> StartAsync(string dataRoot, IDictionary<string, string?>? environment = null, params string[] extraArgs)
    {
        var output = new StringBuilder();
        var process = Process.Start(CreateStartInfo(dataRoot, environment, extraArgs))!;
        var url = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        void OnLine(string? line)
        {
            if (line is null)
                return;
            lock (output)
                output.AppendLine(line);
            if (ListeningRegex().Match(line) is { Success: true } m)
                url.TrySetResult(m.Groups[1].Value);
        }
        process.OutputDataReceived += (_, e) => OnLine(e.Data);
        process.ErrorDataReceived += (_, e) => OnLine(e.Data);
        process.EnableRaisingEvents = true;
        process.Exited += (_, _) => url.TrySetException(new InvalidOperationException($"the app exited with {process.ExitCode}:\n{output}"));
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var baseUrl = await url.Task.WaitAsync(TimeSpan.FromSeconds(90));
            return new GalleryAppProcess(process, output, baseUrl, dataRoot);
        }
        catch
        {
            Kill(process);
            throw;
        }
    }

    /// <summary>Runs the app expecting it to stop by itself (a start-up failure).</summary>
    public static async Task<(int ExitCode, string StdOut, string StdErr)> RunToExitAsync(
        string dataRoot, IDictionary<string, string?>? environment = null, params string[] extraArgs)
    {
        var psi = CreateStartInfo(dataRoot, environment, extraArgs);
        return await ProcessRunner.RunAsync(psi.FileName, psi.ArgumentList, psi.Environment, TimeSpan.FromSeconds(90));
    }

    public async ValueTask DisposeAsync()
    {
        Kill(_process);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static ProcessStartInfo CreateStartInfo(string dataRoot, IDictionary<string, string?>? environment, string[] extraArgs)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = RepoPaths.SolutionDir,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var a in new[] { RepoPaths.WebDll, "--urls", "http://127.0.0.1:0", "--Storage:Root", dataRoot }.Concat(extraArgs))
            psi.ArgumentList.Add(a);

        // The app under test sees only what the test gives it, not the developer's or CI's database settings.
        foreach (var name in SeedEnvironmentVariables.Map.Keys.Append("ConnectionStrings__Gallery"))
            psi.Environment.Remove(name);
        psi.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        foreach (var (k, v) in environment ?? new Dictionary<string, string?>())
            psi.Environment[k] = v;
        return psi;
    }

    private static void Kill(Process process)
    {
        if (!process.HasExited)
            process.Kill(entireProcessTree: true);
    }

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningRegex();
}
