using System.Text.Json;
using PhotoGallery.Core.Imaging;

namespace PhotoGallery.Benchmarks.Imaging;

/// <summary>One measured configuration; travels to the child process as JSON.</summary>
public sealed record ImagingCase(ImagingEngine Engine, string Set, int Parallelism, PreviewFormat PreviewFormat)
{
    public string ToArgument() => JsonSerializer.Serialize(this);

    public static ImagingCase FromArgument(string argument) =>
        JsonSerializer.Deserialize<ImagingCase>(argument) ?? throw new ArgumentException("Empty imaging case.");
}
