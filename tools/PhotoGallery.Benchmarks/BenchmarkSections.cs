namespace PhotoGallery.Benchmarks;

/// <summary>The registered sections, in the order <c>--sections all</c> runs them.</summary>
public static class BenchmarkSections
{
    public static IReadOnlyList<IBenchmarkSection> All { get; } =
    [
        new Imaging.ImagingBenchmark(),
        new Pipeline.PipelineBenchmark(),
        new Query.QueryBenchmark(),
        new Http.HttpBenchmark(),
        new Generation.GenerationBenchmark(),
    ];

    public static IBenchmarkSection Find(string name) =>
        All.FirstOrDefault(s => string.Equals(s.Name, name, StringComparison.OrdinalIgnoreCase))
        ?? throw new ArgumentException($"Unknown benchmark section '{name}'. Known: {string.Join(", ", All.Select(s => s.Name))}.");
}
