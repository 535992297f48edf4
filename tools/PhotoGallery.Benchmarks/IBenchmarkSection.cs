namespace PhotoGallery.Benchmarks;

/// <summary>
/// One part of the benchmark, chosen with <c>--sections name[,name]</c>. A new part (full upload pipeline, library
/// query, thumbnail serving) is a class implementing this and one line in <see cref="BenchmarkSections"/>.
/// </summary>
public interface IBenchmarkSection
{
    string Name { get; }

    string Description { get; }

    Task RunAsync(BenchmarkContext context, CancellationToken cancellationToken);

    /// <summary>Runs one measurement inside a fresh child process (so peak memory belongs to it alone).</summary>
    Task<string> RunChildAsync(string argument, BenchmarkContext context, CancellationToken cancellationToken);
}
