using Bunit;
using Microsoft.AspNetCore.Components;
using MudBlazor.Services;

namespace PhotoGallery.Tests.Components;

/// <summary>Base for bUnit tests of MudBlazor components (bUnit 2 + MudBlazor 9 + xunit 2).</summary>
public abstract class MudTestContext : BunitContext, IAsyncLifetime
{
    protected MudTestContext()
    {
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    /// <summary>Renders as the app does: interactive server (bUnit's default is not interactive).
    /// Register test services before calling this.</summary>
    protected IRenderedComponent<TComponent> RenderInteractive<TComponent>() where TComponent : IComponent
    {
        SetRendererInfo(new RendererInfo("Server", isInteractive: true));
        return Render<TComponent>();
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    // MudBlazor registers services that are only IAsyncDisposable; xunit 2 disposes synchronously otherwise.
    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();
}
