using Assistant.Admin.Audit;
using Assistant.Admin.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Admin.Apis;

/// <summary>The audit log, for owners: entries of the businesses they own (everything for the platform owner).</summary>
public static class AuditApi
{
    public static IEndpointRouteBuilder MapAuditApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/audit").WithTags("Access").RequireAuthorization();
        api.MapGet("/", ReadAsync);
        return app;
    }

    public static async Task<Results<Ok<IReadOnlyList<AuditEntry>>, ProblemHttpResult>> ReadAsync(AdminCaller caller, AuditLog audit, string? businessId = null, int take = 100)
    {
        var user = caller.User;
        if (!user.AllBusinesses && (businessId is null ? !user.Roles.Values.Any(r => r == BusinessRole.Owner) : !user.IsOwnerOf(businessId)))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only owners read the audit log.");
        }
        // Entries without a business (sign-ins, users, keys) are for the platform owner.
        var entries = await audit.ReadAsync(b => b is null ? user.AllBusinesses : user.IsOwnerOf(b), businessId, Math.Clamp(take, 1, 1000));
        return TypedResults.Ok(entries);
    }
}
