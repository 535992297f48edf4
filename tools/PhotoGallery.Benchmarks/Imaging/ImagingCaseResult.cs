using System.Text.Json;

namespace PhotoGallery.Benchmarks.Imaging;

/// <summary>What one child process measured: throughput and the process's peak resident memory.</summary>
public sealed record ImagingCaseResult(int Images, double Seconds, double PeakWorkingSetMb, double BaselineWorkingSetMb, double MeanThumbnailKb, double MeanPreviewKb)
{
    public double ImagesPerSecond => Images / Seconds;

    public double MillisecondsPerImage => Seconds * 1000 / Images;

    public string ToLine() => JsonSerializer.Serialize(this);

    public static ImagingCaseResult FromLine(string line) =>
        JsonSerializer.Deserialize<ImagingCaseResult>(line) ?? throw new ArgumentException("Empty imaging result.");
}
