using System.Text.Json.Nodes;
using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Backends.InvokeAi.Graphs;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Unit.InvokeAi;

/// <summary>Each builder's graph node by node and edge by edge against reference §7.</summary>
public sealed class GraphBuilderTests
{
    private static readonly string[] MetadataEdges =
    [
        "seed.value -> core_metadata.seed",
        "positive_prompt.value -> core_metadata.positive_prompt",
        "core_metadata.metadata -> l2i.metadata",
    ];

    [Fact]
    public void Build_Sd1Txt2Img_HasReferenceNodesAndEdges()
    {
        var request = InvokeAiRequests.For("sd-1", 3);

        var batch = InvokeAiGraphBuilder.Build(request);

        var nodes = batch.Graph.Nodes;
        AssertTypes(nodes, new()
        {
            ["seed"] = "integer", ["positive_prompt"] = "string", ["negative_prompt"] = "string",
            ["model_loader"] = "main_model_loader", ["clip_skip"] = "clip_skip", ["pos_cond"] = "compel", ["neg_cond"] = "compel",
            ["pos_cond_collect"] = "collect", ["neg_cond_collect"] = "collect", ["noise"] = "noise", ["denoise"] = "denoise_latents",
            ["l2i"] = "l2i", ["core_metadata"] = "core_metadata",
        });
        Assert.Equal(request.Model.Key, (string?)nodes["model_loader"]["model"]!["key"]);
        Assert.Equal(0, (int)nodes["clip_skip"]["skipped_layers"]!);
        Assert.True((bool)nodes["noise"]["use_cpu"]!);
        Assert.Equal(512, (int)nodes["noise"]["width"]!);
        Assert.Equal(512, (int)nodes["noise"]["height"]!);
        Assert.Equal(7.0, (double)nodes["denoise"]["cfg_scale"]!);
        Assert.Equal(0, (double)nodes["denoise"]["cfg_rescale_multiplier"]!);
        Assert.Equal("dpmpp_3m_k", (string?)nodes["denoise"]["scheduler"]);
        Assert.Equal(20, (int)nodes["denoise"]["steps"]!);
        Assert.Equal(0, (double)nodes["denoise"]["denoising_start"]!);
        Assert.Equal(1, (double)nodes["denoise"]["denoising_end"]!);
        Assert.True((bool)nodes["l2i"]["fp32"]!);
        AssertOutputOnly(nodes, "l2i");
        Assert.Equal("txt2img", (string?)nodes["core_metadata"]["generation_mode"]);
        Assert.Equal("cpu", (string?)nodes["core_metadata"]["rand_device"]);
        Assert.Equal(0, (int)nodes["core_metadata"]["clip_skip"]!);
        AssertEdges(batch,
        [
            "model_loader.unet -> denoise.unet", "model_loader.clip -> clip_skip.clip",
            "clip_skip.clip -> pos_cond.clip", "clip_skip.clip -> neg_cond.clip",
            "positive_prompt.value -> pos_cond.prompt", "pos_cond.conditioning -> pos_cond_collect.item",
            "pos_cond_collect.collection -> denoise.positive_conditioning",
            "negative_prompt.value -> neg_cond.prompt", "neg_cond.conditioning -> neg_cond_collect.item",
            "neg_cond_collect.collection -> denoise.negative_conditioning",
            "seed.value -> noise.seed", "noise.noise -> denoise.noise", "denoise.latents -> l2i.latents",
            "model_loader.vae -> l2i.vae", "negative_prompt.value -> core_metadata.negative_prompt", .. MetadataEdges,
        ]);
    }

    [Fact]
    public void Build_Sd1WithSeparateVae_WiresVaeLoaderIntoL2i()
    {
        var request = InvokeAiRequests.For("sd-1") with { Vae = InvokeAiRequests.Sd1Vae };

        var batch = InvokeAiGraphBuilder.Build(request);

        Assert.Equal("vae_loader", (string?)batch.Graph.Nodes["vae"]["type"]);
        Assert.Equal(InvokeAiRequests.Sd1Vae.Key, (string?)batch.Graph.Nodes["vae"]["vae_model"]!["key"]);
        var edges = batch.Graph.Edges.Select(e => e.ToString()).ToList();
        Assert.Contains("vae.vae -> l2i.vae", edges);
        Assert.DoesNotContain("model_loader.vae -> l2i.vae", edges);
        Assert.Equal(InvokeAiRequests.Sd1Vae.Key, (string?)batch.Graph.Nodes["core_metadata"]["vae"]!["key"]);
    }

    [Fact]
    public void Build_SdxlTxt2Img_HasReferenceNodesAndEdges()
    {
        var request = InvokeAiRequests.For("sdxl") with { Vae = null };

        var batch = InvokeAiGraphBuilder.Build(request);

        AssertTypes(batch.Graph.Nodes, new()
        {
            ["seed"] = "integer", ["positive_prompt"] = "string", ["negative_prompt"] = "string",
            ["model_loader"] = "sdxl_model_loader", ["pos_cond"] = "sdxl_compel_prompt", ["neg_cond"] = "sdxl_compel_prompt",
            ["pos_cond_collect"] = "collect", ["neg_cond_collect"] = "collect", ["noise"] = "noise", ["denoise"] = "denoise_latents",
            ["l2i"] = "l2i", ["core_metadata"] = "core_metadata",
        });
        Assert.Equal("sdxl_txt2img", (string?)batch.Graph.Nodes["core_metadata"]["generation_mode"]);
        Assert.Null(batch.Graph.Nodes["core_metadata"]["clip_skip"]);
        Assert.Equal(1024, (int)batch.Graph.Nodes["noise"]["width"]!);
        AssertOutputOnly(batch.Graph.Nodes, "l2i");
        AssertEdges(batch,
        [
            "model_loader.unet -> denoise.unet",
            "model_loader.clip -> pos_cond.clip", "model_loader.clip -> neg_cond.clip",
            "model_loader.clip2 -> pos_cond.clip2", "model_loader.clip2 -> neg_cond.clip2",
            "positive_prompt.value -> pos_cond.prompt", "positive_prompt.value -> pos_cond.style",
            "negative_prompt.value -> neg_cond.prompt", "negative_prompt.value -> neg_cond.style",
            "pos_cond.conditioning -> pos_cond_collect.item", "pos_cond_collect.collection -> denoise.positive_conditioning",
            "neg_cond.conditioning -> neg_cond_collect.item", "neg_cond_collect.collection -> denoise.negative_conditioning",
            "seed.value -> noise.seed", "noise.noise -> denoise.noise", "denoise.latents -> l2i.latents",
            "model_loader.vae -> l2i.vae", "negative_prompt.value -> core_metadata.negative_prompt", .. MetadataEdges,
        ]);
    }

    [Fact]
    public void Build_FluxTxt2Img_HasReferenceNodesAndEdges()
    {
        var request = InvokeAiRequests.For("flux");

        var batch = InvokeAiGraphBuilder.Build(request);

        var nodes = batch.Graph.Nodes;
        AssertTypes(nodes, new()
        {
            ["seed"] = "integer", ["positive_prompt"] = "string", ["model_loader"] = "flux_model_loader",
            ["pos_cond"] = "flux_text_encoder", ["pos_cond_collect"] = "collect", ["denoise"] = "flux_denoise",
            ["l2i"] = "flux_vae_decode", ["core_metadata"] = "core_metadata",
        });
        Assert.Equal(InvokeAiRequests.T5.Key, (string?)nodes["model_loader"]["t5_encoder_model"]!["key"]);
        Assert.Equal(InvokeAiRequests.ClipL.Key, (string?)nodes["model_loader"]["clip_embed_model"]!["key"]);
        Assert.Equal(InvokeAiRequests.FluxVae.Key, (string?)nodes["model_loader"]["vae_model"]!["key"]);
        Assert.Equal(4, (double)nodes["denoise"]["guidance"]!);
        Assert.Equal(20, (int)nodes["denoise"]["num_steps"]!);
        Assert.Equal("euler", (string?)nodes["denoise"]["scheduler"]);
        Assert.Equal("off", (string?)nodes["denoise"]["dype_preset"]);
        Assert.Null(nodes["denoise"]["cfg_scale"]);
        Assert.Equal("flux_txt2img", (string?)nodes["core_metadata"]["generation_mode"]);
        AssertOutputOnly(nodes, "l2i");
        AssertEdges(batch,
        [
            "model_loader.clip -> pos_cond.clip", "model_loader.t5_encoder -> pos_cond.t5_encoder",
            "model_loader.max_seq_len -> pos_cond.t5_max_seq_len", "model_loader.transformer -> denoise.transformer",
            "model_loader.vae -> denoise.controlnet_vae", "model_loader.vae -> l2i.vae",
            "positive_prompt.value -> pos_cond.prompt", "pos_cond.conditioning -> pos_cond_collect.item",
            "pos_cond_collect.collection -> denoise.positive_text_conditioning",
            "seed.value -> denoise.seed", "denoise.latents -> l2i.latents", .. MetadataEdges,
        ]);
    }

    [Theory]
    [InlineData("sd-1", "i2l", "img2img", 0.25)]
    [InlineData("sdxl", "i2l", "sdxl_img2img", 0.25)]
    public void Build_SdImg2Img_AddsEncoderAndStartsDenoisingFromStrength(string modelBase, string encoderType, string mode, double start)
    {
        var size = modelBase == "sd-1" ? 512 : 1024;
        var request = InvokeAiRequests.For(modelBase, source: new Img2ImgSource("src.png", size, size, 0.75));

        var batch = InvokeAiGraphBuilder.Build(request);

        var nodes = batch.Graph.Nodes;
        Assert.Equal(encoderType, (string?)nodes["i2l"]["type"]);
        Assert.Equal("src.png", (string?)nodes["i2l"]["image"]!["image_name"]);
        Assert.True((bool)nodes["i2l"]["fp32"]!);
        Assert.Equal(start, (double)nodes["denoise"]["denoising_start"]!, 6);
        Assert.Equal(mode, (string?)nodes["core_metadata"]["generation_mode"]);
        Assert.Equal("src.png", (string?)nodes["core_metadata"]["init_image"]);
        var edges = batch.Graph.Edges.Select(e => e.ToString()).ToList();
        Assert.Contains("i2l.latents -> denoise.latents", edges);
        Assert.Contains("noise.noise -> denoise.noise", edges);
        Assert.Contains(modelBase == "sdxl" ? "vae.vae -> i2l.vae" : "model_loader.vae -> i2l.vae", edges);
        Assert.DoesNotContain("resize_source", nodes.Keys);
    }

    [Fact]
    public void Build_FluxImg2Img_UsesFluxVaeEncodeAndOptimizedDenoisingStart()
    {
        var request = InvokeAiRequests.For("flux", source: new Img2ImgSource("src.png", 1024, 1024, 0.75));

        var batch = InvokeAiGraphBuilder.Build(request);

        var nodes = batch.Graph.Nodes;
        Assert.Equal("flux_vae_encode", (string?)nodes["i2l"]["type"]);
        Assert.Equal(1 - Math.Pow(0.75, 0.2), (double)nodes["denoise"]["denoising_start"]!, 9);
        Assert.Equal(1024, (int)nodes["denoise"]["width"]!);
        Assert.Equal("flux_img2img", (string?)nodes["core_metadata"]["generation_mode"]);
        var edges = batch.Graph.Edges.Select(e => e.ToString()).ToList();
        Assert.Contains("model_loader.vae -> i2l.vae", edges);
        Assert.Contains("i2l.latents -> denoise.latents", edges);
    }

    [Fact]
    public void Build_Img2ImgWithDifferentSourceSize_InsertsImgResizeBeforeEncoder()
    {
        var request = InvokeAiRequests.For("sd-1", source: new Img2ImgSource("src.png", 800, 600, 0.5));

        var batch = InvokeAiGraphBuilder.Build(request);

        var resize = batch.Graph.Nodes["resize_source"];
        Assert.Equal("img_resize", (string?)resize["type"]);
        Assert.Equal("src.png", (string?)resize["image"]!["image_name"]);
        Assert.Equal(512, (int)resize["width"]!);
        Assert.Null(batch.Graph.Nodes["i2l"]["image"]);
        Assert.Contains("resize_source.image -> i2l.image", batch.Graph.Edges.Select(e => e.ToString()));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(10)]
    public void Build_NSeeds_PutsThemInOneBatchDatumOnTheSeedNode(int count)
    {
        var request = InvokeAiRequests.For("sdxl", count);

        var batch = InvokeAiGraphBuilder.Build(request);

        var group = Assert.Single(batch.Data);
        var datum = Assert.Single(group);
        Assert.Equal("seed", datum.NodePath);
        Assert.Equal("value", datum.FieldName);
        Assert.Equal(request.Seeds, datum.Items);
        Assert.Equal(count, batch.ExpectedItemCount);
        Assert.Null(batch.Graph.Nodes["seed"]["value"]);
        Assert.Equal(request.Destination, batch.Destination);
    }

    [Theory]
    [InlineData("sd-1")]
    [InlineData("sdxl")]
    [InlineData("flux")]
    public void Build_AnyPrompt_SendsPromptStringUnchanged(string modelBase)
    {
        const string prompt = "  a \"quoted\" ünïcødé prompt, (weighted:1.2) [id:123]\n second line  ";
        var request = InvokeAiRequests.For(modelBase, prompt: prompt);

        var json = InvokeAiGraphBuilder.Build(request).Graph.ToJson();

        Assert.Equal(prompt, (string?)json["nodes"]!["positive_prompt"]!["value"]);
        var roundTrip = JsonNode.Parse(json.ToJsonString())!;
        Assert.Equal(prompt, (string?)roundTrip["nodes"]!["positive_prompt"]!["value"]);
        Assert.DoesNotContain(request.Destination, json.ToJsonString());
    }

    private static void AssertTypes(IReadOnlyDictionary<string, JsonObject> nodes, Dictionary<string, string> expected)
    {
        Assert.Equal(expected.Keys.Order(), nodes.Keys.Order());
        foreach (var (id, type) in expected)
        {
            Assert.Equal(type, (string?)nodes[id]["type"]);
            Assert.Equal(id, (string?)nodes[id]["id"]);
        }
    }

    private static void AssertOutputOnly(IReadOnlyDictionary<string, JsonObject> nodes, string output)
    {
        foreach (var (id, node) in nodes)
        {
            Assert.Equal(id != output, (bool)node["is_intermediate"]!);
            Assert.Equal(id != output, (bool)node["use_cache"]!);
        }
    }

    private static void AssertEdges(InvokeAiBatch batch, string[] expected) =>
        Assert.Equal(expected.Order(), batch.Graph.Edges.Select(e => e.ToString()).Order());
}
