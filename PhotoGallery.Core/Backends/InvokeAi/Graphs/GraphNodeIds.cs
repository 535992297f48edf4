namespace PhotoGallery.Core.Backends.InvokeAi.Graphs;

/// <summary>
/// Our node ids. InvokeAI echoes them as <c>invocation_source_id</c> and keys <c>source_prepared_mapping</c> by
/// them, so they are how outputs and progress are correlated (reference §4.4, §8).
/// </summary>
public static class GraphNodeIds
{
    public const string Seed = "seed";
    public const string PositivePrompt = "positive_prompt";
    public const string NegativePrompt = "negative_prompt";
    public const string ModelLoader = "model_loader";
    public const string ClipSkip = "clip_skip";
    public const string PositiveConditioning = "pos_cond";
    public const string NegativeConditioning = "neg_cond";
    public const string PositiveCollect = "pos_cond_collect";
    public const string NegativeCollect = "neg_cond_collect";
    public const string Noise = "noise";
    public const string Denoise = "denoise";
    public const string VaeLoader = "vae";
    public const string ImageToLatents = "i2l";
    public const string ResizeSource = "resize_source";
    public const string Metadata = "core_metadata";
    public const string Output = "l2i";
}
