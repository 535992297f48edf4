using Bunit;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhotoGallery.Core.Backends;
using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Data;
using PhotoGallery.Core.Generation.Steps;
using PhotoGallery.Core.Models;
using PhotoGallery.Tests.Support;
using PhotoGallery.Web.Components.Pages.Generate;

namespace PhotoGallery.Tests.Components.Pages;

/// <summary>The Generate page's form: rules beside their fields before anything is sent, FLUX's missing negative prompt said out loud.</summary>
public sealed class GenerationFormTests : MudTestContext
{
    [Fact]
    public async Task Submit_EmptyPrompt_ShowsTheMessageBesideThePromptAndSendsNothing()
    {
        var models = await AddServicesAsync();
        var submitted = 0;
        var input = new GenerationInput { ModelKey = "sd15", Width = 512, Height = 512, Scheduler = "euler" };
        var cut = RenderInteractive(input, models, () => submitted++);
        Assert.DoesNotContain("Write a prompt", cut.Markup);   // not before the first try

        await cut.InvokeAsync(() => cut.Find("form.generation-form").Submit());

        cut.WaitForAssertion(() => Assert.Contains("Write a prompt: what the image should show.", cut.Markup));
        Assert.Equal(0, submitted);
    }

    [Fact]
    public async Task Input_WidthOffTheGrid_ShowsTheNearestAllowedSizeAtOnce()
    {
        var models = await AddServicesAsync();
        var input = new GenerationInput { Prompt = "a cat", ModelKey = "sd15", Width = 512, Height = 512, Scheduler = "euler" };
        var cut = RenderInteractive(input, models, () => { });

        cut.Find("input[data-testid=width]").Input("515");

        cut.WaitForAssertion(() => Assert.Contains("Width must be a multiple of 8 for SD 1.x models (try 512).", cut.Markup));
    }

    [Fact]
    public async Task Render_FluxWithANegativePrompt_HidesTheFieldAndSaysTheTextIsNotSent()
    {
        var models = await AddServicesAsync();
        var input = new GenerationInput { Prompt = "a cat", NegativePrompt = "blurry, extra fingers", ModelKey = "flux", Width = 1024, Height = 1024, Scheduler = "euler" };

        var cut = RenderInteractive(input, models, () => { });

        cut.WaitForAssertion(() => Assert.Contains("FLUX models take no negative prompt", cut.Find("[data-testid=flux-negative-note]").TextContent));
        Assert.Contains("“blurry, extra fingers” will not be sent", cut.Find("[data-testid=flux-negative-note]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=negative-prompt]"));
        Assert.NotEmpty(cut.FindAll("[data-testid=guidance]"));
        Assert.Empty(cut.FindAll("[data-testid=cfg-scale]"));
    }

    private IRenderedComponent<GenerationForm> RenderInteractive(GenerationInput input, IReadOnlyList<AiModel> models, Action onSubmit)
    {
        SetRendererInfo(new Microsoft.AspNetCore.Components.RendererInfo("Server", isInteractive: true));
        return Render<GenerationForm>(p => p
            .Add(f => f.Input, input)
            .Add(f => f.Models, models)
            .Add(f => f.OnSubmit, onSubmit));
    }

    private async Task<IReadOnlyList<AiModel>> AddServicesAsync()
    {
        var database = await TestDatabase.CreateSqliteAsync();
        Disposables.Add(database);
        await using (var db = database.CreateDbContext())
        {
            db.AiModels.AddRange(
                new AiModel { Key = "sd15", Hash = "h1", Name = "SD 1.5", Base = "sd-1", Type = "main", Format = "checkpoint" },
                new AiModel { Key = "flux", Hash = "h2", Name = "FLUX dev", Base = "flux", Type = "main", Format = "bnb_quantized_nf4b" },
                new AiModel { Key = "fluxvae", Hash = "h3", Name = "FLUX VAE", Base = "flux", Type = "vae", Format = "checkpoint" });
            await db.SaveChangesAsync();
        }
        Services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        Services.AddSingleton<IDbContextFactory<GalleryDbContext>>(database);
        Services.AddOptions<InvokeAiOptions>().Configure(o => o.LocalUrl = "http://127.0.0.1:9");
        Services.AddInvokeAi().AddModels();
        await using var read = database.CreateDbContext();
        return await read.AiModels.Where(m => m.Type == "main").OrderBy(m => m.Key).ToListAsync();
    }

    private List<IAsyncDisposable> Disposables { get; } = [];

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        foreach (var d in Disposables)
            await d.DisposeAsync();
    }
}
