using Assistant.Core.Businesses;

namespace Assistant.Admin.Security;

/// <summary>
/// Endpoint filters for routes under <c>/api/businesses/{businessId}</c>. A business the caller
/// may not see answers 404, exactly like one that does not exist, so its existence does not leak;
/// a business the caller sees but may not manage answers 403.
/// </summary>
public static class BusinessAccess
{
    public const string RouteValue = "businessId";

    /// <summary>The caller must have a role in the business of the route.</summary>
    public static TBuilder RequireBusinessMember<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var caller = await AdminCaller.ResolveAsync(http);
            if (caller is null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Sign in first.");
            }
            var businessId = http.GetRouteValue(RouteValue) as string;
            if (businessId is null || !caller.User.CanSee(businessId)
                || await http.RequestServices.GetRequiredService<BusinessDirectory>().GetAsync(businessId) is null)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such business.");
            }
            return await next(context);
        });

    /// <summary>The caller must own the business of the route.</summary>
    public static TBuilder RequireBusinessOwner<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var http = context.HttpContext;
            var caller = await AdminCaller.ResolveAsync(http);
            var businessId = http.GetRouteValue(RouteValue) as string;
            if (caller is null || businessId is null || !caller.User.IsOwnerOf(businessId))
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only an owner of the business may do this.");
            }
            return await next(context);
        });

    /// <summary>The caller must be an owner of every business (the platform owner).</summary>
    public static TBuilder RequirePlatformOwner<TBuilder>(this TBuilder builder) where TBuilder : IEndpointConventionBuilder =>
        builder.AddEndpointFilter(async (context, next) =>
        {
            var caller = await AdminCaller.ResolveAsync(context.HttpContext);
            if (caller is null || !caller.User.AllBusinesses)
            {
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Only an owner of every business may do this.");
            }
            return await next(context);
        });
}
