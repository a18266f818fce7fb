using System.Security.Claims;
using Assistant.Admin.Audit;
using Assistant.Admin.Components;
using Assistant.Admin.Components.Support;
using Assistant.Admin.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Mvc;
using Microsoft.FluentUI.AspNetCore.Components;

namespace Microsoft.Extensions.Hosting;

/// <summary>The Blazor console at <c>/</c>: pages, sign-in and sign-out forms, the language switch.</summary>
internal static class ConsoleExtensions
{
    public const string SignInPath = "/signin";

    public static void AddConsole(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddRazorComponents().AddInteractiveServerComponents();
        services.AddCascadingAuthenticationState();
        services.AddFluentUIComponents();
        services.AddHttpClient(TryItChannel.HttpClientName, http => http.Timeout = TimeSpan.FromSeconds(10));
        services.AddSingleton<TryItChannel>();
        services.AddScoped<ConsoleSession>();
        // The console's pages (not /api, which keeps answering 401) send an anonymous visitor here.
        services.PostConfigure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, cookie => cookie.LoginPath = SignInPath);
    }

    public static WebApplication MapConsole(this WebApplication app)
    {
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();

        var account = app.MapGroup("/account").ExcludeFromDescription();
        account.MapPost("/signin", SignInAsync).AllowAnonymous();
        account.MapPost("/signout", SignOutAsync);
        account.MapGet("/language", SetLanguage).AllowAnonymous();
        return app;
    }

    /// <summary>The sign-in form posts here (with its antiforgery token): the same check and cookie as <c>POST /api/auth/login</c>.</summary>
    private static async Task<IResult> SignInAsync([FromForm] string? email, [FromForm] string? password, [FromForm] string? returnUrl, HttpContext context, UserStore users, AuditLog audit)
    {
        var user = await users.VerifyAsync(email ?? "", password ?? "");
        if (user is null)
        {
            return TypedResults.LocalRedirect($"{SignInPath}?failed=1&returnUrl={Uri.EscapeDataString(LocalOrRoot(returnUrl))}");
        }
        var identity = new ClaimsIdentity(
            [new Claim(AdminClaims.UserId, user.Id), new Claim(AdminClaims.Name, user.DisplayName)],
            CookieAuthenticationDefaults.AuthenticationScheme, AdminClaims.Name, null);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = true });
        await audit.WriteAsync(user.Id, "auth.login", null, null, "console");
        return TypedResults.LocalRedirect(LocalOrRoot(returnUrl));
    }

    private static async Task<IResult> SignOutAsync(HttpContext context, AuditLog audit)
    {
        if (await AdminCaller.ResolveAsync(context) is { } caller)
        {
            await audit.WriteAsync(caller, "auth.logout", null, null, "console");
        }
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        return TypedResults.LocalRedirect(SignInPath);
    }

    /// <summary>A cookie keeps the choice across visits; the page reloads in the new language.</summary>
    private static IResult SetLanguage(string? lang, string? returnUrl, HttpContext context)
    {
        context.Response.Cookies.Append(ConsoleText.CookieName, ConsoleText.Normalize(lang), new CookieOptions
        {
            HttpOnly = true,
            SameSite = SameSiteMode.Lax,
            MaxAge = TimeSpan.FromDays(365),
            IsEssential = true,
        });
        return TypedResults.LocalRedirect(LocalOrRoot(returnUrl));
    }

    // Only paths of this site: a crafted link cannot bounce a signed-in user elsewhere.
    private static string LocalOrRoot(string? url) =>
        url is { Length: > 0 } && url[0] == '/' && (url.Length == 1 || (url[1] != '/' && url[1] != '\\')) ? url : "/";
}
