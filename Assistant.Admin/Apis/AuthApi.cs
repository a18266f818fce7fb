using System.Security.Claims;
using Assistant.Admin.Audit;
using Assistant.Admin.Models;
using Assistant.Admin.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Admin.Apis;

/// <summary>Cookie sign-in for the console.</summary>
public static class AuthApi
{
    public static RouteGroupBuilder MapAuthApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/auth").WithTags("Auth");
        api.MapPost("/login", LoginAsync).AllowAnonymous();
        api.MapPost("/logout", LogoutAsync).RequireAuthorization();
        api.MapGet("/me", GetMe).RequireAuthorization();
        return api;
    }

    public static async Task<Results<Ok<MeResponse>, ProblemHttpResult>> LoginAsync(LoginRequest request, HttpContext context, UserStore users, AuditLog audit)
    {
        var user = await users.VerifyAsync(request.Email ?? "", request.Password ?? "");
        if (user is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Wrong user name or password.");
        }
        var identity = new ClaimsIdentity(
            [new Claim(AdminClaims.UserId, user.Id), new Claim(AdminClaims.Name, user.DisplayName)],
            CookieAuthenticationDefaults.AuthenticationScheme, AdminClaims.Name, null);
        await context.SignInAsync(CookieAuthenticationDefaults.AuthenticationScheme, new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = true });
        await audit.WriteAsync(user.Id, "auth.login", null);
        return TypedResults.Ok(Me(new AdminCaller(user, null)));
    }

    public static async Task<NoContent> LogoutAsync(HttpContext context, AdminCaller caller, AuditLog audit)
    {
        await context.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
        await audit.WriteAsync(caller, "auth.logout", null);
        return TypedResults.NoContent();
    }

    public static Ok<MeResponse> GetMe(AdminCaller caller) => TypedResults.Ok(Me(caller));

    private static MeResponse Me(AdminCaller caller) =>
        new(caller.User.Id, caller.User.DisplayName, caller.User.AllBusinesses, caller.User.Roles, caller.ApiKeyId is not null);
}
