using Bunit;
using FakeInvokeAi;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using PhotoGallery.Core.Backends;
using PhotoGallery.Core.Backends.InvokeAi;
using PhotoGallery.Core.Data;
using PhotoGallery.Tests.Support;
using PhotoGallery.Web.Components.Pages.Backends;

namespace PhotoGallery.Tests.Components.Pages;

/// <summary>The Backend page over the real service, a SQLite file database and the fake InvokeAI.</summary>
public sealed class BackendPageTests : MudTestContext
{
    [Fact]
    public async Task Render_NothingSaved_ShowsConfiguredUrlAndNoSignIn()
    {
        await using var database = await TestDatabase.CreateSqliteAsync();
        AddServices(database, "http://gpu.lan:9090");

        var cut = RenderInteractive<Backend>();

        cut.WaitForAssertion(() => Assert.Equal("http://gpu.lan:9090", cut.Find("[data-testid=effective-url]").TextContent));
        Assert.Contains("INVOKEAI_LOCAL_URL", cut.Find("[data-testid=url-source]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=invokeai-sign-in]"));
        Assert.True(cut.Find("button[data-testid=reset-url]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task SaveUrl_NotAnHttpUrl_ShowsMessageAndKeepsConfiguredUrl()
    {
        await using var database = await TestDatabase.CreateSqliteAsync();
        AddServices(database, "http://gpu.lan:9090");
        var cut = RenderInteractive<Backend>();
        cut.WaitForElement("[data-testid=invokeai-url]");

        cut.Find("input[data-testid=invokeai-url]").Input("gpu.lan");
        cut.Find("button[data-testid=save-url]").Click();

        cut.WaitForAssertion(() => Assert.Contains("Enter an absolute http:// or https:// URL", cut.Markup));
        Assert.Equal("http://gpu.lan:9090", cut.Find("[data-testid=effective-url]").TextContent);
    }

    [Fact]
    public async Task SignIn_MultiUserFake_ShowsTokenSavedButNeverTheToken()
    {
        await using var fake = await FakeInvokeAiServer.StartAsync(new FakeInvokeAiOptions { Urls = "http://127.0.0.1:0", MultiUser = true }, Timeouts.Long);
        await using var database = await TestDatabase.CreateSqliteAsync();
        AddServices(database, fake.BaseUri.ToString().TrimEnd('/'));
        var cut = RenderInteractive<Backend>();
        cut.WaitForElement("button[data-testid=test-connection]").Click();
        cut.WaitForAssertion(() => Assert.Contains("sign in below", cut.Find("[data-testid=connection-mode]").TextContent), TimeSpan.FromSeconds(20));

        cut.Find("input[data-testid=sign-in-email]").Input("owner@example.com");
        cut.Find("input[data-testid=sign-in-password]").Input("invoke");
        await cut.InvokeAsync(() => cut.Find("form").Submit());

        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=token-saved]")), TimeSpan.FromSeconds(20));
        cut.WaitForAssertion(() => Assert.Contains("signed in with the saved token", cut.Find("[data-testid=connection-mode]").TextContent));
        var token = (await Services.GetRequiredService<ActiveBackend>().GetEndpointAsync(Timeouts.Long)).Token;
        Assert.NotNull(token);
        Assert.DoesNotContain(token, cut.Markup);
    }

    [Fact]
    public async Task Render_Prerendering_DisablesEveryControl()
    {
        await using var database = await TestDatabase.CreateSqliteAsync();
        AddServices(database, "http://gpu.lan:9090");
        SetRendererInfo(new RendererInfo("Static", isInteractive: false));

        var cut = Render<Backend>();

        cut.WaitForElement("[data-testid=effective-url]");
        Assert.All(cut.FindAll("button"), b => Assert.True(b.HasAttribute("disabled"), b.OuterHtml));
        Assert.True(cut.Find("input[data-testid=invokeai-url]").HasAttribute("disabled"));
    }

    private void AddServices(TestDatabase database, string configuredUrl)
    {
        Services.AddLogging(b => b.SetMinimumLevel(LogLevel.Warning));
        Services.AddSingleton<IDataProtectionProvider>(new EphemeralDataProtectionProvider());
        Services.AddSingleton<IDbContextFactory<GalleryDbContext>>(database);
        Services.AddOptions<InvokeAiOptions>().Configure(o =>
        {
            o.LocalUrl = configuredUrl;
            o.ConnectionTimeoutSeconds = 2;
            o.ReadTimeoutSeconds = 5;
        });
        Services.AddInvokeAi();
    }
}
