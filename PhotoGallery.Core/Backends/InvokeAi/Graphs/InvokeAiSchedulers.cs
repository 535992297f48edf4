namespace PhotoGallery.Core.Backends.InvokeAi.Graphs;

/// <summary>Scheduler values InvokeAI accepts (reference §7.7).</summary>
public static class InvokeAiSchedulers
{
    public static readonly IReadOnlyList<string> StableDiffusion =
    [
        "ddim", "ddpm", "deis", "deis_k", "lms", "lms_k", "pndm", "heun", "heun_k", "euler", "euler_k", "euler_a",
        "kdpm_2", "kdpm_2_k", "kdpm_2_a", "kdpm_2_a_k", "dpmpp_2s", "dpmpp_2s_k", "dpmpp_2m", "dpmpp_2m_k",
        "dpmpp_2m_sde", "dpmpp_2m_sde_k", "dpmpp_3m", "dpmpp_3m_k", "dpmpp_sde", "dpmpp_sde_k", "er_sde", "unipc",
        "unipc_k", "lcm", "tcd",
    ];

    public static readonly IReadOnlyList<string> Flux = ["euler", "heun", "lcm"];

    /// <summary>The official UI's defaults: <c>dpmpp_3m_k</c> for SD, <c>euler</c> for FLUX.</summary>
    public static string DefaultFor(string modelBase) => modelBase == ModelBases.Flux ? "euler" : "dpmpp_3m_k";

    public static IReadOnlyList<string> For(string modelBase) => modelBase == ModelBases.Flux ? Flux : StableDiffusion;
}
