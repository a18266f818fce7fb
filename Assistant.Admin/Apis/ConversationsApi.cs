using Assistant.Admin.Services;
using Assistant.Admin.Security;
using Assistant.Core.Conversations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Admin.Apis;

/// <summary>The inbox and the thread view.</summary>
public static class ConversationsApi
{
    public static IEndpointRouteBuilder MapConversationsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/businesses/{businessId}/conversations").WithTags("Conversations").RequireAuthorization().RequireBusinessMember();
        api.MapGet("/", ListAsync);
        api.MapGet("/{key}", GetAsync);
        return app;
    }

    /// <summary>Conversations newest first; filters: state (bot, human), intent (last), waiting (for a person), from/to (last activity).</summary>
    public static async Task<Results<Ok<IReadOnlyList<ConversationRecord>>, ProblemHttpResult>> ListAsync(
        string businessId, ConversationBrowser browser,
        string? state = null, string? intent = null, bool? waiting = null, DateTimeOffset? from = null, DateTimeOffset? to = null, int skip = 0, int take = 50)
    {
        ConversationState? parsedState = state switch
        {
            null or "" => null,
            "bot" => ConversationState.Bot,
            "human" => ConversationState.Human,
            _ => (ConversationState)(-1),
        };
        if (parsedState is (ConversationState)(-1) || skip < 0 || take is < 1 or > 500)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "state is bot or human; take is 1 to 500.");
        }
        return TypedResults.Ok(await browser.ListAsync(businessId, new ConversationQuery(parsedState, intent, waiting, from, to, skip, take)));
    }

    public static async Task<Results<Ok<ConversationDetail>, ProblemHttpResult>> GetAsync(string businessId, string key, ConversationBrowser browser, int lines = 500) =>
        await browser.GetAsync(businessId, key, Math.Clamp(lines, 1, 100_000)) is { } detail
            ? TypedResults.Ok(detail)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such conversation.");
}
