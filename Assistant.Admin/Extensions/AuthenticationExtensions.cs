using Assistant.Admin;
using Assistant.Admin.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace Microsoft.Extensions.Hosting;

internal static class AuthenticationExtensions
{
    /// <summary>
    /// Cookie sign-in for the console and <c>X-Api-Key</c> for automation, behind one policy scheme.
    /// Under <c>/api</c> the cookie never redirects: an anonymous caller gets 401, a forbidden one 403.
    /// </summary>
    public static void AddAdminAuthentication(this IHostApplicationBuilder builder)
    {
        builder.Services.AddAuthentication(AdminClaims.Scheme)
            .AddPolicyScheme(AdminClaims.Scheme, null, options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.ContainsKey(AdminClaims.ApiKeyHeader) ? AdminClaims.ApiKeyScheme : CookieAuthenticationDefaults.AuthenticationScheme)
            .AddCookie(options =>
            {
                options.Cookie.Name = "assistant.admin";
                options.Cookie.HttpOnly = true;
                // Strict keeps the cookie off cross-site requests: no CSRF on the JSON API.
                options.Cookie.SameSite = SameSiteMode.Strict;
                options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
                options.SlidingExpiration = true;
                options.Events.OnRedirectToLogin = context => Answer(context, StatusCodes.Status401Unauthorized);
                options.Events.OnRedirectToAccessDenied = context => Answer(context, StatusCodes.Status403Forbidden);
                options.Events.OnValidatePrincipal = ValidateUserStillExistsAsync;
            })
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(AdminClaims.ApiKeyScheme, null);
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme)
            .Configure<IOptions<AdminOptions>>((cookie, admin) => cookie.ExpireTimeSpan = admin.Value.SessionLifetime);
        builder.Services.AddAuthorization();
    }

    private static Task Answer(RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
        }
        else
        {
            context.Response.Redirect(context.RedirectUri);
        }
        return Task.CompletedTask;
    }

    // A removed user's cookie stops working at the next request, not when it expires.
    private static async Task ValidateUserStillExistsAsync(CookieValidatePrincipalContext context)
    {
        var id = context.Principal?.FindFirst(AdminClaims.UserId)?.Value;
        if (id is null || await context.HttpContext.RequestServices.GetRequiredService<UserStore>().GetAsync(id) is null)
        {
            context.RejectPrincipal();
        }
    }
}
