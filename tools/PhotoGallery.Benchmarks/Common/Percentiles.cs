namespace PhotoGallery.Benchmarks.Common;

/// <summary>Median and 95th percentile of a set of timings (nearest-rank).</summary>
public sealed record Percentiles(double Median, double P95, int Count)
{
    public static Percentiles Of(IReadOnlyCollection<double> values)
    {
        var sorted = values.Order().ToArray();
        return new Percentiles(Rank(sorted, 0.50), Rank(sorted, 0.95), sorted.Length);
    }

    private static double Rank(double[] sorted, double fraction) =>
        sorted[Math.Clamp((int)Math.Ceiling(fraction * sorted.Length) - 1, 0, sorted.Length - 1)];
}
