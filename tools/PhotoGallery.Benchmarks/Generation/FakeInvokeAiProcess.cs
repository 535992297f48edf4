using System.Diagnostics;
using PhotoGallery.Benchmarks.Common;

namespace PhotoGallery.Benchmarks.Generation;

/// <summary>
/// tools/FakeInvokeAi (Release build) as its own process on a free loopback port, so its rendering and the images it
/// keeps in memory do not count against the app's side of the measurement.
/// </summary>
public sealed class FakeInvokeAiProcess : IAsyncDisposable
{
    private readonly Process _process;

    private FakeInvokeAiProcess(Process process, Uri baseUri)
    {
        _process = process;
        BaseUri = baseUri;
    }

    public Uri BaseUri { get; }

    public static async Task<FakeInvokeAiProcess> StartAsync(bool sockets, int itemMs, CancellationToken cancellationToken)
    {
        var dll = Path.Combine(SolutionPaths.SolutionDir, "tools", "FakeInvokeAi", "bin", "Release", "net10.0", "FakeInvokeAi.dll");
        if (!File.Exists(dll))
            throw new InvalidOperationException($"{dll} is missing: build the solution in Release first (dotnet build -c Release).");
        var port = ExternalProcess.FreeLoopbackPort();
        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in new[] { dll, "--urls", $"http://127.0.0.1:{port}", "--item-ms", itemMs.ToString(System.Globalization.CultureInfo.InvariantCulture),
                     "--progress-steps", "2", "--no-sockets", sockets ? "false" : "true" })
            start.ArgumentList.Add(argument);
        var process = Process.Start(start) ?? throw new InvalidOperationException("Could not start the fake InvokeAI.");
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var baseUri = new Uri($"http://127.0.0.1:{port}/");
        using var http = new HttpClient { BaseAddress = baseUri };
        for (var i = 0; i < 300; i++)
        {
            try
            {
                (await http.GetAsync("api/v1/app/version", cancellationToken)).EnsureSuccessStatusCode();
                return new FakeInvokeAiProcess(process, baseUri);
            }
            catch (HttpRequestException)
            {
                await Task.Delay(100, cancellationToken);
            }
        }
        process.Kill(entireProcessTree: true);
        throw new InvalidOperationException("The fake InvokeAI did not answer within 30 s.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
            _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }
}
