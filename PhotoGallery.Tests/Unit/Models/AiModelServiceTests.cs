using System.Text.Json.Nodes;
using FakeInvokeAi;
using Microsoft.EntityFrameworkCore;
using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Models;
using PhotoGallery.Tests.Support;

namespace PhotoGallery.Tests.Unit.Models;

/// <summary>The model cache on a real SQLite file database, refreshed from the fake InvokeAI.</summary>
public sealed class AiModelServiceTests
{
    private static readonly AiModelQuery All = new(null, null, null, IncludeUnavailable: false);

    [Fact]
    public async Task RefreshAsync_FakeModels_StoresBaseTypeFormatDescriptionAndDefaults()
    {
        await using var h = await InvokeAiHarness.StartAsync();
        var service = h.CreateModelService();

        var count = await service.RefreshAsync(CancellationToken.None);

        Assert.Equal(9, count);
        var sdxl = await service.FindAsync("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0003", CancellationToken.None);
        Assert.Equal(("sdxl", "main", "checkpoint"), (sdxl!.Base, sdxl.Type, sdxl.Format));
        Assert.Equal("Stability AI SDXL base", sdxl.Description);
        Assert.Equal(1024, sdxl.DefaultSettings!.Width);
        Assert.Equal(6.5, sdxl.DefaultSettings.CfgScale);
        Assert.True(sdxl.IsAvailable);
        Assert.NotNull(h.Services.GetService(typeof(ModelRefreshState)) is ModelRefreshState s ? s.Current.LastRefreshAt : null);
    }

    [Fact]
    public async Task RefreshAsync_ModelVanished_KeepsRowButMarksUnavailable()
    {
        await using var h = await InvokeAiHarness.StartAsync();
        var service = h.CreateModelService();
        await service.RefreshAsync(CancellationToken.None);
        await service.SetFavoriteAsync("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0001", true, CancellationToken.None);
        var sd15 = h.Fake.State.Models.OfType<JsonObject>().First(m => (string?)m["name"] == "Stable Diffusion v1.5");
        h.Fake.State.Models.Remove(sd15);

        var count = await service.RefreshAsync(CancellationToken.None);

        Assert.Equal(8, count);
        var row = await service.FindAsync("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0001", CancellationToken.None);
        Assert.False(row!.IsAvailable);
        Assert.True(row.IsFavorite);
        Assert.DoesNotContain(await service.ListAsync(All, CancellationToken.None), m => m.Key == row.Key);
        Assert.Contains(await service.ListAsync(All with { IncludeUnavailable = true }, CancellationToken.None), m => m.Key == row.Key);
    }

    [Fact]
    public async Task RefreshAsync_ModelReturns_IsAvailableAgainAndUpdated()
    {
        await using var h = await InvokeAiHarness.StartAsync();
        var service = h.CreateModelService();
        var sd15 = h.Fake.State.Models.OfType<JsonObject>().First(m => (string?)m["name"] == "Stable Diffusion v1.5");
        h.Fake.State.Models.Remove(sd15);
        await service.RefreshAsync(CancellationToken.None);
        sd15["name"] = "SD 1.5 renamed";
        h.Fake.State.Models.Add(sd15);

        await service.RefreshAsync(CancellationToken.None);

        var row = await service.FindAsync("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0001", CancellationToken.None);
        Assert.True(row!.IsAvailable);
        Assert.Equal("SD 1.5 renamed", row.Name);
        await using var db = await h.Db.CreateDbContextAsync();
        Assert.Equal(9, await db.AiModels.CountAsync());
    }

    [Fact]
    public async Task RefreshAsync_ServerDown_ThrowsAndRecordsErrorForThePage()
    {
        await using var h = await InvokeAiHarness.StartAsync(new FakeInvokeAiOptions { Faults = new FakeFaults { ServerErrorRate = 1 } });
        var service = h.CreateModelService();

        await Assert.ThrowsAsync<InvokeAiModelException>(() => service.RefreshAsync(CancellationToken.None));

        var state = (ModelRefreshState)h.Services.GetService(typeof(ModelRefreshState))!;
        Assert.Contains("500", state.Current.LastError);
        Assert.Null(state.Current.LastRefreshAt);
    }

    [Fact]
    public async Task ListAsync_FavouritesAndLastUsed_SortFirst()
    {
        await using var h = await InvokeAiHarness.StartAsync();
        var service = h.CreateModelService();
        await service.RefreshAsync(CancellationToken.None);
        await service.SetFavoriteAsync("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0005", true, CancellationToken.None);
        await service.MarkUsedAsync("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0003", CancellationToken.None);

        var models = await service.ListAsync(All with { Type = "main" }, CancellationToken.None);

        Assert.Equal(["FLUX.1 dev (NF4)", "SDXL 1.0 Base", "Stable Diffusion v1.5"], models.Select(m => m.Name));
    }

    [Theory]
    [InlineData("vae", null, null, 3)]
    [InlineData(null, "sdxl", null, 2)]
    [InlineData(null, null, "FLUX", 2)]
    [InlineData("main", "sd-1", "v1.5", 1)]
    public async Task ListAsync_Filters_ReturnMatchingModels(string? type, string? modelBase, string? search, int expected)
    {
        await using var h = await InvokeAiHarness.StartAsync();
        var service = h.CreateModelService();
        await service.RefreshAsync(CancellationToken.None);

        var models = await service.ListAsync(new AiModelQuery(search, modelBase, type, false), CancellationToken.None);

        Assert.Equal(expected, models.Count);
    }

    [Fact]
    public async Task SetFavoriteAsync_UnknownKey_ReturnsFalse()
    {
        await using var h = await InvokeAiHarness.StartAsync();

        Assert.False(await h.CreateModelService().SetFavoriteAsync("nope", true, CancellationToken.None));
    }

    [Fact]
    public async Task GetVaeChoicesAsync_Sdxl_PrefersFp16FixVae()
    {
        await using var h = await InvokeAiHarness.StartAsync();
        var service = h.CreateModelService();
        await service.RefreshAsync(CancellationToken.None);
        var sdxl = await service.FindAsync("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0003", CancellationToken.None);

        var choices = await service.GetVaeChoicesAsync(sdxl!, CancellationToken.None);

        Assert.Equal("sdxl-vae-fp16-fix", Assert.Single(choices.Compatible).Name);
        Assert.Equal("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0004", choices.PreferredKey);
    }

    [Fact]
    public async Task GetVaeChoicesAsync_Sd1_OffersSameBaseVaeButDefaultsToBuiltIn()
    {
        await using var h = await InvokeAiHarness.StartAsync();
        var service = h.CreateModelService();
        await service.RefreshAsync(CancellationToken.None);
        var sd15 = await service.FindAsync("3f0a7c54-1b1e-4c55-9a8e-5d6f1d2a0001", CancellationToken.None);

        var choices = await service.GetVaeChoicesAsync(sd15!, CancellationToken.None);

        Assert.Equal("sd-vae-ft-mse", Assert.Single(choices.Compatible).Name);
        Assert.Null(choices.PreferredKey);
        Assert.False(choices.RequiresSeparateVae);
    }

    [Fact]
    public async Task GetFluxComponentsAsync_FakeModels_PicksFluxVaeT5AndClipL()
    {
        await using var h = await InvokeAiHarness.StartAsync();
        var service = h.CreateModelService();
        await service.RefreshAsync(CancellationToken.None);

        var parts = await service.GetFluxComponentsAsync(CancellationToken.None);

        Assert.Equal("FLUX.1 VAE", parts.DefaultVae!.Name);
        Assert.Equal("t5_bnb_int8_quantized_encoder", parts.DefaultT5Encoder!.Name);
        Assert.Equal("clip-vit-large-patch14", parts.DefaultClipEmbed!.Name);
    }

    [Fact]
    public void ChooseVae_ModelDefaultNamesInstalledVae_PrefersIt()
    {
        var vae = new AiModel { Key = "v", Hash = "h", Name = "sdxl-vae-fp16-fix", Base = "sdxl", Type = "vae", Format = "diffusers" };
        var other = VaeModel("w", "custom-vae");
        var main = new AiModel { Key = "m", Hash = "h", Name = "m", Base = "sdxl", Type = "main", Format = "checkpoint", DefaultSettings = new ModelDefaultSettings { Vae = "w" } };

        var choices = ModelDefaults.ChooseVae(main, [vae, other]);

        Assert.Equal("w", choices.PreferredKey);
    }

    [Fact]
    public void ChooseVae_ModelDefaultIsLiteralDefault_UsesBuiltIn()
    {
        var vae = new AiModel { Key = "v", Hash = "h", Name = "sdxl-vae-fp16-fix", Base = "sdxl", Type = "vae", Format = "diffusers" };
        var main = new AiModel { Key = "m", Hash = "h", Name = "m", Base = "sdxl", Type = "main", Format = "checkpoint", DefaultSettings = new ModelDefaultSettings { Vae = "default" } };

        Assert.Null(ModelDefaults.ChooseVae(main, [vae]).PreferredKey);
    }

    private static AiModel VaeModel(string key, string name) => new() { Key = key, Hash = "h", Name = name, Base = "sdxl", Type = "vae", Format = "diffusers" };
}
