using PhotoGallery.Core.Backends.InvokeAi.Graphs;

namespace PhotoGallery.Core.Generation.Steps;

/// <summary>How a model base is named for people.</summary>
public static class ModelNames
{
    public static string Of(string modelBase) => modelBase switch
    {
        ModelBases.Sd1 => "SD 1.x",
        ModelBases.Sd2 => "SD 2",
        ModelBases.Sdxl => "SDXL",
        ModelBases.Flux => "FLUX",
        _ => modelBase,
    };
}
