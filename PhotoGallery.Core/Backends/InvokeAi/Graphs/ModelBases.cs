namespace PhotoGallery.Core.Backends.InvokeAi.Graphs;

/// <summary>The <c>base</c> values the graph builders support (reference §2.3).</summary>
public static class ModelBases
{
    public const string Sd1 = "sd-1";
    public const string Sd2 = "sd-2";
    public const string Sdxl = "sdxl";
    public const string Flux = "flux";
    public const string Any = "any";

    public static readonly IReadOnlyList<string> Supported = [Sd1, Sd2, Sdxl, Flux];

    /// <summary>Latent sizes: multiples of 8, FLUX multiples of 16 (reference §7.3, §7.5).</summary>
    public static int SizeMultiple(string modelBase) => modelBase == Flux ? 16 : 8;

    /// <summary>The nearest allowed size, at least 64.</summary>
    public static int SnapSize(string modelBase, int value)
    {
        var multiple = SizeMultiple(modelBase);
        return Math.Max(64, (int)Math.Round(value / (double)multiple, MidpointRounding.AwayFromZero) * multiple);
    }
}
