using System.Reflection;

namespace Assistant.Admin.Security;

/// <summary>
/// The signed-in user behind a request, loaded fresh from Redis (a removed role takes effect at
/// once). Bound as a handler parameter; null for an anonymous caller, which the authorization on
/// every <c>/api</c> group turns away first.
/// </summary>
public sealed record AdminCaller(AdminUser User, string? ApiKeyId)
{
    private const string ItemKey = "admin.caller";

    public string Name => User.DisplayName;

    /// <summary>How the audit log names the caller: the user, and the key when one was used.</summary>
    public string Actor => ApiKeyId is null ? User.Id : $"{User.Id} (api key {ApiKeyId})";

    public static async ValueTask<AdminCaller?> BindAsync(HttpContext context, ParameterInfo parameter)
    {
        _ = parameter;
        return await ResolveAsync(context);
    }

    public static async ValueTask<AdminCaller?> ResolveAsync(HttpContext context)
    {
        if (context.Items.TryGetValue(ItemKey, out var cached) && cached is AdminCaller caller)
        {
            return caller;
        }
        var id = context.User.FindFirst(AdminClaims.UserId)?.Value;
        if (context.User.Identity?.IsAuthenticated != true || id is null)
        {
            return null;
        }
        var user = await context.RequestServices.GetRequiredService<UserStore>().GetAsync(id);
        if (user is null)
        {
            return null;
        }
        var resolved = new AdminCaller(user, context.User.FindFirst(AdminClaims.ApiKeyId)?.Value);
        context.Items[ItemKey] = resolved;
        return resolved;
    }
}
