using System.Globalization;
using System.Text.RegularExpressions;
using PhotoGallery.Benchmarks.Common;

namespace PhotoGallery.Benchmarks.Http;

/// <summary>One bounded wrk run rotating over a list of paths (a small Lua script), parsed.</summary>
public sealed partial record WrkRun(double RequestsPerSecond, long Requests, long NonSuccess, long SocketErrors, string LatencyLine)
{
    public const string Executable = "/usr/bin/wrk";

    public static string Command(int threads, int connections, int seconds) => $"wrk -t{threads} -c{connections} -d{seconds}s -s rotate.lua URL";

    public static async Task<WrkRun> RunAsync(string baseUrl, IReadOnlyList<string> paths, string scriptFolder, int threads, int connections, int seconds, CancellationToken cancellationToken)
    {
        Directory.CreateDirectory(scriptFolder);
        var script = Path.Combine(scriptFolder, "rotate.lua");
        await File.WriteAllTextAsync(script,
            "local paths = {\n" + string.Join(",\n", paths.Select(p => $"  \"{p}\"")) + "\n}\n" +
            "local i = 0\n" +
            "request = function()\n  i = i + 1\n  return wrk.format(\"GET\", paths[(i % #paths) + 1])\nend\n",
            cancellationToken);
        var (exitCode, stdout, stderr) = await ExternalProcess.RunAsync(
            Executable,
            [$"-t{threads}", $"-c{connections}", $"-d{seconds}s", "-s", script, baseUrl],
            TimeSpan.FromSeconds(seconds + 30),
            cancellationToken);
        if (exitCode != 0)
            throw new InvalidOperationException($"wrk failed ({exitCode}): {stderr}");

        return new WrkRun(
            double.Parse(RequestsPerSecondRegex().Match(stdout).Groups[1].Value, CultureInfo.InvariantCulture),
            long.Parse(RequestsRegex().Match(stdout).Groups[1].Value, CultureInfo.InvariantCulture),
            NonSuccessRegex().Match(stdout) is { Success: true } bad ? long.Parse(bad.Groups[1].Value, CultureInfo.InvariantCulture) : 0,
            SocketErrorsRegex().Match(stdout) is { Success: true } errors
                ? errors.Groups.Values.Skip(1).Sum(g => long.Parse(g.Value, CultureInfo.InvariantCulture))
                : 0,
            LatencyRegex().Match(stdout).Value.Trim());
    }

    [GeneratedRegex(@"Requests/sec:\s+([\d.]+)")]
    private static partial Regex RequestsPerSecondRegex();

    [GeneratedRegex(@"(\d+) requests in")]
    private static partial Regex RequestsRegex();

    [GeneratedRegex(@"Non-2xx or 3xx responses:\s+(\d+)")]
    private static partial Regex NonSuccessRegex();

    [GeneratedRegex(@"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)")]
    private static partial Regex SocketErrorsRegex();

    [GeneratedRegex(@"Latency\s+.*")]
    private static partial Regex LatencyRegex();
}
