using System.Text.Json;

namespace PhotoGallery.Benchmarks.Pipeline;

/// <summary>What one child process measured: stored photos, wall time, peak and baseline resident memory, optional stage times.</summary>
public sealed record PipelineCaseResult(int Images, double Seconds, double PeakWorkingSetMb, double BaselineWorkingSetMb, IReadOnlyDictionary<string, double>? StageMilliseconds = null)
{
    public double ImagesPerSecond => Images / Seconds;

    public double MillisecondsPerImage => Seconds * 1000 / Images;

    public string ToLine() => JsonSerializer.Serialize(this);

    public static PipelineCaseResult FromLine(string line) =>
        JsonSerializer.Deserialize<PipelineCaseResult>(line) ?? throw new ArgumentException("Empty pipeline result.");
}
