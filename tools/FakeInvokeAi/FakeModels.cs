using System.Text.Json.Nodes;

namespace FakeInvokeAi;

/// <summary>The installed models: SD1.5, SDXL with an fp16-fix VAE, FLUX.1 with its VAE, T5 and CLIP-L (reference §2.2).</summary>
public static class FakeModels
{
    public static JsonArray Create() =>
    [
        Model("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0001", "Stable Diffusion v1.5", "sd-1", "main", "checkpoint", "Classic 512 px model",
            variant: "normal", defaults: new JsonObject { ["width"] = 512, ["height"] = 512 }),
        Model("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0002", "sd-vae-ft-mse", "sd-1", "vae", "diffusers", "Sharper VAE for SD 1.x"),
        Model("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0003", "SDXL 1.0 Base", "sdxl", "main", "checkpoint", "Stability AI SDXL base",
            variant: "normal", defaults: new JsonObject { ["width"] = 1024, ["height"] = 1024, ["scheduler"] = "dpmpp_2m_k", ["steps"] = 30, ["cfg_scale"] = 6.5 }),
        Model("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0004", "sdxl-vae-fp16-fix", "sdxl", "vae", "diffusers", "SDXL VAE that does not overflow in fp16"),
        Model("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0005", "FLUX.1 dev (NF4)", "flux", "main", "bnb_quantized_nf4b", "FLUX.1 dev quantized", variant: "dev"),
        Model("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0006", "FLUX.1 VAE", "flux", "vae", "checkpoint", "ae.safetensors"),
        Model("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0007", "t5_bnb_int8_quantized_encoder", "any", "t5_encoder", "bnb_quantized_int8b", "T5-XXL 8-bit"),
        Model("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0008", "clip-vit-large-patch14", "any", "clip_embed", "diffusers", "CLIP-L text encoder", variant: "large"),
        Model("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0009", "Detail Tweaker", "sd-1", "lora", "lycoris", null,
            defaults: new JsonObject { ["weight"] = 0.75 }),
    ];

    private static JsonObject Model(string key, string name, string modelBase, string type, string format, string? description,
        string? variant = null, JsonObject? defaults = null)
    {
        var config = new JsonObject
        {
            ["key"] = key,
            ["hash"] = "blake3:" + Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(key))),
            ["path"] = $"/invokeai/models/{modelBase}/{type}/{name}",
            ["file_size"] = 2_132_625_894,
            ["name"] = name,
            ["description"] = description,
            ["source"] = $"/downloads/{name}",
            ["source_type"] = "path",
            ["source_api_response"] = null,
            ["source_url"] = null,
            ["cover_image"] = null,
            ["base"] = modelBase,
            ["type"] = type,
            ["format"] = format,
        };
        if (format == "checkpoint")
            config["config_path"] = null;
        if (format == "diffusers")
            config["repo_variant"] = "fp16";
        if (variant is not null)
            config["variant"] = variant;
        if (type == "main")
        {
            config["trigger_phrases"] = null;
            config["default_settings"] = defaults;
            if (modelBase is "sd-1" or "sdxl")
                config["prediction_type"] = "epsilon";
        }
        else if (type == "lora")
        {
            config["default_settings"] = defaults;
        }
        return config;
    }
}
