using MudBlazor.Services;
using PhotoGallery.Core;
using PhotoGallery.Web.Components;
using PhotoGallery.Web.Components.Shared.Upload;
using PhotoGallery.Web.Configuration;
using PhotoGallery.Web.Endpoints;
using PhotoGallery.Web.Logging;
using PhotoGallery.Web.Security;
using Serilog;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.Configuration.AddGallerySettings();

    // Serve wwwroot, _content/* and _framework/* from the build output in every environment.
    builder.WebHost.UseStaticWebAssets();

    builder.AddGalleryLogging();
    builder.AddPhotoGalleryCore();
    builder.AddOwnerProtection();
    builder.Services.AddRazorComponents().AddInteractiveServerComponents();
    builder.Services.AddMudServices();
    builder.Services.AddScoped<UploadQueue>();
    builder.Services.AddSingleton<DownloadTickets>();
    builder.Services.AddGalleryRateLimiting();

    var app = builder.Build();

    if (!app.Environment.IsDevelopment())
        app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseGalleryStatusCodePages();
    app.UseSerilogRequestLogging(o => o.GetLevel = RequestLogLevels.For);
    app.UseOwnerProtection();
    app.UseAntiforgery();
    app.UseRateLimiter();

    app.MapStaticAssets().AllowAnonymous();
    app.MapHealthEndpoints();
    app.MapMediaEndpoints();
    app.MapShareEndpoints();
    app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (StartupFailure.Describe(ex) is { } message)
{
    await Console.Error.WriteLineAsync("PhotoGallery cannot start: " + message);
    return 1;
}
