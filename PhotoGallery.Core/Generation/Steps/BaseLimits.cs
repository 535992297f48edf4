using PhotoGallery.Core.Backends.InvokeAi.Graphs;

namespace PhotoGallery.Core.Generation.Steps;

/// <summary>Sizes each model base works at: the allowed range, the latent multiple, the native size and its presets.</summary>
public sealed record BaseLimits(int MinSize, int MaxSize, int Multiple, int NativeSize, IReadOnlyList<(int Width, int Height)> Presets)
{
    private static readonly BaseLimits Sd1 = new(256, 1536, 8, 512, [(512, 512), (512, 768), (768, 512), (448, 640), (640, 448), (512, 896), (896, 512)]);
    private static readonly BaseLimits Sd2 = new(256, 1536, 8, 768, [(768, 768), (640, 896), (896, 640), (576, 1024), (1024, 576)]);
    private static readonly BaseLimits Sdxl = new(512, 2048, 8, 1024,
        [(1024, 1024), (896, 1152), (1152, 896), (832, 1216), (1216, 832), (768, 1344), (1344, 768), (640, 1536), (1536, 640)]);
    private static readonly BaseLimits Flux = new(256, 2048, 16, 1024,
        [(1024, 1024), (896, 1152), (1152, 896), (832, 1216), (1216, 832), (768, 1344), (1344, 768), (1440, 1440)]);

    public static BaseLimits For(string modelBase) => modelBase switch
    {
        ModelBases.Sd2 => Sd2,
        ModelBases.Sdxl => Sdxl,
        ModelBases.Flux => Flux,
        _ => Sd1,
    };

    /// <summary>
    /// The size closest to the native area with the aspect ratio of a <paramref name="width"/> × <paramref name="height"/>
    /// source, on the base's multiple and inside its range: img2img never stretches its source.
    /// </summary>
    public (int Width, int Height) SizeForAspect(int width, int height)
    {
        var aspect = width / (double)height;
        var area = (double)NativeSize * NativeSize;
        var w = Snap(Math.Sqrt(area * aspect));
        var h = Snap(Math.Sqrt(area / aspect));
        return (w, h);
    }

    public int Snap(double value) =>
        Math.Clamp((int)Math.Round(value / Multiple, MidpointRounding.AwayFromZero) * Multiple, MinSize, MaxSize / Multiple * Multiple);
}
