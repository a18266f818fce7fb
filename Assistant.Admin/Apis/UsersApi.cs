using Assistant.Admin.Audit;
using Assistant.Admin.Models;
using Assistant.Admin.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Admin.Apis;

/// <summary>Users with roles per business, and API keys for automation. Owners manage the people of the businesses they own.</summary>
public static class UsersApi
{
    public static IEndpointRouteBuilder MapUsersApi(this IEndpointRouteBuilder app)
    {
        var users = app.MapGroup("/api/users").WithTags("Access").RequireAuthorization();
        users.MapGet("/", ListUsersAsync);
        users.MapPost("/", CreateUserAsync);
        users.MapDelete("/{userId}", DeleteUserAsync);

        var keys = app.MapGroup("/api/apikeys").WithTags("Access").RequireAuthorization();
        keys.MapGet("/", ListKeysAsync);
        keys.MapPost("/", CreateKeyAsync);
        keys.MapDelete("/{keyId}", DeleteKeyAsync);
        return app;
    }

    /// <summary>The users who have a role in a business the caller owns (all of them for the platform owner).</summary>
    public static async Task<Results<Ok<List<UserView>>, ProblemHttpResult>> ListUsersAsync(AdminCaller caller, UserStore users)
    {
        if (!OwnsSomething(caller))
        {
            return Forbidden("Only owners manage users.");
        }
        var visible = (await users.ListAsync())
            .Where(u => caller.User.AllBusinesses || u.Id == caller.User.Id || u.Roles.Keys.Any(caller.User.IsOwnerOf))
            .Select(UserView.From)
            .ToList();
        return TypedResults.Ok(visible);
    }

    public static async Task<Results<Created<UserView>, ProblemHttpResult>> CreateUserAsync(CreateUserRequest body, AdminCaller caller, UserStore users, AuditLog audit)
    {
        var roles = body.Roles ?? new Dictionary<string, BusinessRole>();
        if ((body.AllBusinesses && !caller.User.AllBusinesses) || !roles.Keys.All(caller.User.IsOwnerOf) || !OwnsSomething(caller))
        {
            return Forbidden("You may only give roles in businesses you own.");
        }
        if (string.IsNullOrWhiteSpace(body.Email) || !body.Email.Contains('@', StringComparison.Ordinal) || string.IsNullOrWhiteSpace(body.DisplayName))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "email and displayName are required.");
        }
        if (body.Password is not { Length: >= 8 })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "A password has at least 8 characters.");
        }
        var created = await users.CreateAsync(body.Email, body.DisplayName, body.Password, body.AllBusinesses, roles);
        if (created is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "A user with this e-mail exists.");
        }
        await audit.WriteAsync(caller, "user.create", null, created.Id, string.Join(',', roles.Select(r => $"{r.Key}={r.Value}")));
        foreach (var business in roles.Keys)
        {
            await audit.WriteAsync(caller, "user.grant", business, created.Id, roles[business].ToString());
        }
        return TypedResults.Created($"/api/users/{created.Id}", UserView.From(created));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteUserAsync(string userId, AdminCaller caller, UserStore users, AuditLog audit)
    {
        var user = await users.GetAsync(userId);
        if (user is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such user.");
        }
        if (user.Id == caller.User.Id || (user.AllBusinesses && !caller.User.AllBusinesses) || !user.Roles.Keys.All(caller.User.IsOwnerOf) || !OwnsSomething(caller))
        {
            return Forbidden("You may not remove this user.");
        }
        await users.DeleteAsync(user.Id);
        await audit.WriteAsync(caller, "user.delete", null, user.Id);
        return TypedResults.NoContent();
    }

    /// <summary>The caller's own keys (every key for the platform owner).</summary>
    public static async Task<Ok<List<ApiKeyRecord>>> ListKeysAsync(AdminCaller caller, ApiKeyStore keys) =>
        TypedResults.Ok((await keys.ListAsync()).Where(k => caller.User.AllBusinesses || k.UserId == caller.User.Id).ToList());

    /// <summary>A key acting as the caller; only an owner may create one.</summary>
    public static async Task<Results<Created<CreatedApiKey>, ProblemHttpResult>> CreateKeyAsync(CreateApiKeyRequest body, AdminCaller caller, ApiKeyStore keys, AuditLog audit)
    {
        if (!OwnsSomething(caller))
        {
            return Forbidden("Only owners create API keys.");
        }
        if (string.IsNullOrWhiteSpace(body.Name) || body.Name.Length > 100)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "A key needs a name of at most 100 characters.");
        }
        var (record, key) = await keys.CreateAsync(caller.User.Id, body.Name);
        await audit.WriteAsync(caller, "apikey.create", null, record.Id, record.Name);
        return TypedResults.Created($"/api/apikeys/{record.Id}", new CreatedApiKey(record, key));
    }

    public static async Task<Results<NoContent, ProblemHttpResult>> DeleteKeyAsync(string keyId, AdminCaller caller, ApiKeyStore keys, AuditLog audit)
    {
        var record = await keys.GetAsync(keyId);
        if (record is null || (record.UserId != caller.User.Id && !caller.User.AllBusinesses))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API key.");
        }
        await keys.DeleteAsync(keyId);
        await audit.WriteAsync(caller, "apikey.delete", null, keyId);
        return TypedResults.NoContent();
    }

    private static bool OwnsSomething(AdminCaller caller) =>
        caller.User.AllBusinesses || caller.User.Roles.Values.Any(r => r == BusinessRole.Owner);

    private static ProblemHttpResult Forbidden(string title) => TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: title);
}
