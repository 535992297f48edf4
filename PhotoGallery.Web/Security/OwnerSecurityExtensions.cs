using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using PhotoGallery.Core.Security;

namespace PhotoGallery.Web.Security;

public static class OwnerSecurityExtensions
{
    public const string LoginPath = "/login";
    public const string SetupPath = "/setup";

    /// <summary>
    /// Owner protection: when the app listens beyond loopback (or Security:OwnerLogin is Always), every owner page,
    /// component, endpoint and media URL needs the owner's cookie; share links stay public through their token.
    /// </summary>
    public static WebApplicationBuilder AddOwnerProtection(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration.GetValue("Security:OwnerLogin", OwnerLoginMode.Auto);
        var protection = new OwnerProtection(mode == OwnerLoginMode.Always || !ListenAddresses.AreLoopbackOnly(builder.Configuration["urls"]));
        builder.Services.AddSingleton(protection);
        builder.Services.AddCascadingAuthenticationState();

        builder.Services.AddAuthentication(OwnerProtection.Scheme)
            .AddCookie(OwnerProtection.Scheme, o =>
            {
                o.Cookie.Name = OwnerProtection.CookieName;
                o.Cookie.HttpOnly = true;
                o.Cookie.SameSite = SameSiteMode.Lax;
                o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                o.ExpireTimeSpan = TimeSpan.FromDays(30);
                o.SlidingExpiration = true;
                o.LoginPath = LoginPath;
                o.Events.OnRedirectToLogin = context =>
                {
                    // Pages get the login page; media, the Blazor hub and other non-page requests get a plain 401.
                    if (IsPageRequest(context.Request))
                        context.Response.Redirect(context.RedirectUri);
                    else
                    {
                        context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                        // A bare 401, not the owner's not-found page (which would itself ask for a login).
                        if (context.HttpContext.Features.Get<Microsoft.AspNetCore.Diagnostics.IStatusCodePagesFeature>() is { } pages)
                            pages.Enabled = false;
                    }
                    return Task.CompletedTask;
                };
            });
        builder.Services.AddAuthorization(o =>
        {
            if (protection.Enabled)
                o.FallbackPolicy = new AuthorizationPolicyBuilder(OwnerProtection.Scheme).RequireAuthenticatedUser().Build();
        });

        return builder;
    }

    public static WebApplication UseOwnerProtection(this WebApplication app)
    {
        var protection = app.Services.GetRequiredService<OwnerProtection>();
        if (protection.Enabled)
        {
            // Printed, not logged: the code is a one-time secret for the first password only.
            Console.WriteLine($"PhotoGallery listens beyond loopback: owner pages need a password. First run: open {SetupPath} and use setup code {protection.SetupCode} (not needed from this machine).");
        }
        app.UseAuthentication();
        app.Use(async (context, next) =>
        {
            // Before any password exists, owner pages lead to the first-run page instead of the login page.
            if (protection.Enabled && context.User.Identity?.IsAuthenticated != true && context.Request.Path.Equals(LoginPath, StringComparison.OrdinalIgnoreCase)
                && HttpMethods.IsGet(context.Request.Method)
                && !await context.RequestServices.GetRequiredService<OwnerAccountService>().HasPasswordAsync(context.RequestAborted))
            {
                context.Response.Redirect(SetupPath + context.Request.QueryString);
                return;
            }
            await next();
        });
        app.UseAuthorization();
        app.MapPost("/logout", async (HttpContext context) =>
        {
            await context.SignOutAsync(OwnerProtection.Scheme);
            return Results.Redirect(LoginPath);
        }).AllowAnonymous();
        return app;
    }

    public static Task SignInOwnerAsync(HttpContext context) =>
        context.SignInAsync(OwnerProtection.Scheme,
            new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.Name, "owner")], OwnerProtection.Scheme)),
            new AuthenticationProperties { IsPersistent = true });

    private static bool IsPageRequest(HttpRequest request) =>
        HttpMethods.IsGet(request.Method)
        && !request.Path.StartsWithSegments("/media")
        && !request.Path.StartsWithSegments("/_blazor")
        && !request.Path.StartsWithSegments("/healthz");
}
