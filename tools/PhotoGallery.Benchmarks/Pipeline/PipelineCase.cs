using System.Text.Json;

namespace PhotoGallery.Benchmarks.Pipeline;

/// <summary>One measured configuration of the upload pipeline; <see cref="Stages"/> asks for the per-stage breakdown instead.</summary>
public sealed record PipelineCase(string Set, int Parallelism, bool Stages = false)
{
    public string ToArgument() => JsonSerializer.Serialize(this);

    public static PipelineCase FromArgument(string argument) =>
        JsonSerializer.Deserialize<PipelineCase>(argument) ?? throw new ArgumentException("Empty pipeline case.");
}
