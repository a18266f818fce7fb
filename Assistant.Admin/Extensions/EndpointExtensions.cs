using Assistant.Admin.Apis;

namespace Microsoft.AspNetCore.Builder;

internal static class EndpointExtensions
{
    /// <summary>Every <c>/api</c> area; any other path under <c>/api</c> also asks for a sign-in first (401), then answers 404.</summary>
    public static WebApplication MapAdminApis(this WebApplication app)
    {
        app.MapAuthApi();
        app.MapBusinessesApi();
        app.MapKnowledgeApi();
        app.MapCustomizationApi();
        app.MapConversationsApi();
        app.MapHandoffApi();
        app.MapReviewApi();
        app.MapEventsApi();
        app.MapFiguresApi();
        app.MapUsersApi();
        app.MapAuditApi();
        app.MapPrivacyApi();
        app.MapFallback("/api/{**path}", () => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such API route."))
            .RequireAuthorization()
            .ExcludeFromDescription();
        return app;
    }
}
