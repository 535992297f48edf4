namespace FakeInvokeAi;

/// <summary>The invocation types the fake knows, with InvokeAI 6.13's inputs, outputs and limits (reference §7).</summary>
public static class NodeCatalog
{
    public static readonly IReadOnlyList<string> Schedulers =
    [
        "ddim", "ddpm", "deis", "deis_k", "lms", "lms_k", "pndm", "heun", "heun_k", "euler", "euler_k", "euler_a",
        "kdpm_2", "kdpm_2_k", "kdpm_2_a", "kdpm_2_a_k", "dpmpp_2s", "dpmpp_2s_k", "dpmpp_2m", "dpmpp_2m_k",
        "dpmpp_2m_sde", "dpmpp_2m_sde_k", "dpmpp_3m", "dpmpp_3m_k", "dpmpp_sde", "dpmpp_sde_k", "er_sde", "unipc",
        "unipc_k", "lcm", "tcd",
    ];

    public static readonly IReadOnlyList<string> FluxSchedulers = ["euler", "heun", "lcm"];

    private static readonly FieldSpec Model = new("model", Required: true, DirectOnly: true);
    private static readonly FieldSpec Size8 = new("int", Min: 64, MultipleOf: 8);
    private static readonly FieldSpec Size16 = new("int", Min: 64, MultipleOf: 16);
    private static readonly FieldSpec Unit = new("float", Min: 0, Max: 1);
    private static readonly FieldSpec Metadata = new("Metadata");
    private static readonly FieldSpec Board = new("board", DirectOnly: true);

    public static readonly IReadOnlyDictionary<string, NodeSpec> Nodes = new Dictionary<string, NodeSpec>
    {
        ["integer"] = Node(In(("value", new FieldSpec("int"))), Out(("value", "int"))),
        ["string"] = Node(In(("value", new FieldSpec("str"))), Out(("value", "str"))),
        ["main_model_loader"] = Node(In(("model", Model)), Out(("unet", "UNet"), ("clip", "CLIP"), ("vae", "VAE"))),
        ["sdxl_model_loader"] = Node(In(("model", Model)), Out(("unet", "UNet"), ("clip", "CLIP"), ("clip2", "CLIP"), ("vae", "VAE"))),
        ["flux_model_loader"] = Node(
            In(("model", Model), ("t5_encoder_model", Model), ("clip_embed_model", Model), ("vae_model", Model)),
            Out(("transformer", "Transformer"), ("clip", "CLIP"), ("t5_encoder", "T5Encoder"), ("vae", "VAE"), ("max_seq_len", "int"))),
        ["vae_loader"] = Node(In(("vae_model", Model)), Out(("vae", "VAE"))),
        ["clip_skip"] = Node(In(("clip", new FieldSpec("CLIP", Required: true)), ("skipped_layers", new FieldSpec("int", Min: 0))), Out(("clip", "CLIP"))),
        ["compel"] = Node(In(("prompt", new FieldSpec("str", Required: true)), ("clip", new FieldSpec("CLIP", Required: true))), Out(("conditioning", "Conditioning"))),
        ["sdxl_compel_prompt"] = Node(
            In(("prompt", new FieldSpec("str", Required: true)), ("style", new FieldSpec("str")),
               ("original_width", new FieldSpec("int")), ("original_height", new FieldSpec("int")),
               ("crop_top", new FieldSpec("int")), ("crop_left", new FieldSpec("int")),
               ("target_width", new FieldSpec("int")), ("target_height", new FieldSpec("int")),
               ("clip", new FieldSpec("CLIP", Required: true)), ("clip2", new FieldSpec("CLIP", Required: true))),
            Out(("conditioning", "Conditioning"))),
        ["flux_text_encoder"] = Node(
            In(("clip", new FieldSpec("CLIP", Required: true)), ("t5_encoder", new FieldSpec("T5Encoder", Required: true)),
               ("t5_max_seq_len", new FieldSpec("int", Required: true)), ("prompt", new FieldSpec("str", Required: true))),
            Out(("conditioning", "FluxConditioning"))),
        ["collect"] = Node(In(("item", new FieldSpec("any")), ("collection", new FieldSpec("collection"))), Out(("collection", "collection"))),
        ["noise"] = Node(
            In(("seed", new FieldSpec("int", Min: 0, Max: 4294967295)), ("width", Size8), ("height", Size8), ("use_cpu", new FieldSpec("bool"))),
            Out(("noise", "Latents"), ("width", "int"), ("height", "int"))),
        ["denoise_latents"] = Node(
            In(("positive_conditioning", new FieldSpec("Conditioning", Required: true, AcceptsCollection: true)),
               ("negative_conditioning", new FieldSpec("Conditioning", Required: true, AcceptsCollection: true)),
               ("noise", new FieldSpec("Latents")), ("latents", new FieldSpec("Latents")),
               ("steps", new FieldSpec("int", Min: 1)), ("cfg_scale", new FieldSpec("float", Min: 1)),
               ("cfg_rescale_multiplier", new FieldSpec("float", Min: 0, Max: 1, MaxExclusive: true)),
               ("denoising_start", Unit), ("denoising_end", Unit),
               ("scheduler", new FieldSpec("enum", Allowed: Schedulers)),
               ("unet", new FieldSpec("UNet", Required: true))),
            Out(("latents", "Latents"), ("width", "int"), ("height", "int"))),
        ["l2i"] = Node(
            In(("latents", new FieldSpec("Latents", Required: true)), ("vae", new FieldSpec("VAE", Required: true)),
               ("fp32", new FieldSpec("bool")), ("tiled", new FieldSpec("bool")), ("metadata", Metadata), ("board", Board)),
            Out(("image", "Image"), ("width", "int"), ("height", "int"))),
        ["i2l"] = Node(
            In(("image", new FieldSpec("Image", Required: true)), ("vae", new FieldSpec("VAE", Required: true)),
               ("fp32", new FieldSpec("bool")), ("tiled", new FieldSpec("bool")),
               ("color_compensation", new FieldSpec("enum", Allowed: ["None", "SDXL"]))),
            Out(("latents", "Latents"), ("width", "int"), ("height", "int"))),
        ["flux_denoise"] = Node(
            In(("transformer", new FieldSpec("Transformer", Required: true)),
               ("positive_text_conditioning", new FieldSpec("FluxConditioning", Required: true, AcceptsCollection: true)),
               ("negative_text_conditioning", new FieldSpec("FluxConditioning", AcceptsCollection: true)),
               ("latents", new FieldSpec("Latents")), ("controlnet_vae", new FieldSpec("VAE")),
               ("denoising_start", Unit), ("denoising_end", Unit),
               ("width", Size16), ("height", Size16),
               ("num_steps", new FieldSpec("int", Min: 1)), ("scheduler", new FieldSpec("enum", Allowed: FluxSchedulers)),
               ("guidance", new FieldSpec("float")), ("cfg_scale", new FieldSpec("float")),
               ("seed", new FieldSpec("int", Min: 0, Max: 4294967295)),
               ("dype_preset", new FieldSpec("enum", Allowed: ["off", "auto", "manual"])),
               ("dype_scale", new FieldSpec("float")), ("dype_exponent", new FieldSpec("float"))),
            Out(("latents", "Latents"), ("width", "int"), ("height", "int"))),
        ["flux_vae_decode"] = Node(
            In(("latents", new FieldSpec("Latents", Required: true)), ("vae", new FieldSpec("VAE", Required: true)), ("metadata", Metadata), ("board", Board)),
            Out(("image", "Image"), ("width", "int"), ("height", "int"))),
        ["flux_vae_encode"] = Node(
            In(("image", new FieldSpec("Image", Required: true)), ("vae", new FieldSpec("VAE", Required: true))),
            Out(("latents", "Latents"), ("width", "int"), ("height", "int"))),
        ["img_resize"] = Node(
            In(("image", new FieldSpec("Image", Required: true)), ("width", new FieldSpec("int", Min: 1)), ("height", new FieldSpec("int", Min: 1)),
               ("resample_mode", new FieldSpec("enum", Allowed: ["nearest", "box", "bilinear", "hamming", "bicubic", "lanczos"])),
               ("metadata", Metadata), ("board", Board)),
            Out(("image", "Image"), ("width", "int"), ("height", "int"))),
        ["core_metadata"] = new NodeSpec(
            In(("seed", new FieldSpec("int")), ("positive_prompt", new FieldSpec("str")), ("negative_prompt", new FieldSpec("str")),
               ("width", new FieldSpec("int")), ("height", new FieldSpec("int")), ("steps", new FieldSpec("int")),
               ("cfg_scale", new FieldSpec("float")), ("generation_mode", new FieldSpec("str"))),
            Out(("metadata", "Metadata")),
            AllowsExtraFields: true),
    };

    /// <summary>Members every node has besides its inputs (reference §3).</summary>
    public static readonly IReadOnlySet<string> CommonMembers = new HashSet<string> { "id", "type", "is_intermediate", "use_cache" };

    private static NodeSpec Node(IReadOnlyDictionary<string, FieldSpec> inputs, IReadOnlyDictionary<string, string> outputs) => new(inputs, outputs);

    private static Dictionary<string, FieldSpec> In(params (string Name, FieldSpec Spec)[] fields) => fields.ToDictionary(f => f.Name, f => f.Spec);

    private static Dictionary<string, string> Out(params (string Name, string Type)[] fields) => fields.ToDictionary(f => f.Name, f => f.Type);
}
