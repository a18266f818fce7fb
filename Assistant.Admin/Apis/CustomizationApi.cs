using Assistant.Admin.Audit;
using Assistant.Admin.Models;
using Assistant.Admin.Security;
using Assistant.Core.Businesses;
using Assistant.Core.Intents;
using Assistant.Core.Replies;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Admin.Apis;

/// <summary>A business's extra intent examples and its custom replies per intent (or reply key) and language.</summary>
public static class CustomizationApi
{
    public static IEndpointRouteBuilder MapCustomizationApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/businesses/{businessId}/intents").WithTags("Intents and responses").RequireAuthorization().RequireBusinessMember();
        api.MapGet("/examples", GetExamplesAsync);
        api.MapPut("/examples", PutExamplesAsync).RequireBusinessOwner();
        api.MapGet("/responses", GetResponsesAsync);
        api.MapPut("/responses/{key}/{language}", PutResponseAsync).RequireBusinessOwner();
        api.MapDelete("/responses/{key}/{language}", DeleteResponseAsync).RequireBusinessOwner();
        return app;
    }

    public static async Task<Ok<IReadOnlyList<LabelledExample>>> GetExamplesAsync(string businessId, BusinessCustomizationStore store) =>
        TypedResults.Ok(await store.GetExamplesAsync(businessId));

    public static async Task<Results<Ok<IReadOnlyList<LabelledExample>>, ValidationProblem>> PutExamplesAsync(
        string businessId, List<LabelledExample> examples, AdminCaller caller, BusinessCustomizationStore store, AuditLog audit)
    {
        var errors = new Dictionary<string, string[]>();
        for (var i = 0; i < examples.Count; i++)
        {
            if (string.IsNullOrWhiteSpace(examples[i].Text) || !IntentIds.IsKnown(examples[i].Intent ?? ""))
            {
                errors[$"[{i}]"] = ["Each example needs a text and one of the built-in intent ids (CONTRACTS.md section 4)."];
            }
        }
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }
        await store.SetExamplesAsync(businessId, examples);
        await audit.WriteAsync(caller, "intents.examples.replace", businessId, null, $"{examples.Count} examples");
        return TypedResults.Ok<IReadOnlyList<LabelledExample>>(examples);
    }

    public static async Task<Ok<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>>> GetResponsesAsync(string businessId, BusinessCustomizationStore store) =>
        TypedResults.Ok(await store.GetResponsesAsync(businessId));

    public static async Task<Results<NoContent, ProblemHttpResult>> PutResponseAsync(
        string businessId, string key, string language, ResponseText body, AdminCaller caller, BusinessCustomizationStore store, AuditLog audit)
    {
        if (!IntentIds.IsKnown(key) && !ReplyTemplates.IsKnown(key))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"'{key}' is neither an intent id nor a reply key.");
        }
        if (string.IsNullOrWhiteSpace(body.Text) || language.Length is < 2 or > 8)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "A reply needs a text and a language code.");
        }
        await store.SetResponseAsync(businessId, key, language.ToLowerInvariant(), body.Text);
        await audit.WriteAsync(caller, "responses.set", businessId, $"{key}/{language}");
        return TypedResults.NoContent();
    }

    public static async Task<NoContent> DeleteResponseAsync(string businessId, string key, string language, AdminCaller caller, BusinessCustomizationStore store, AuditLog audit)
    {
        await store.SetResponseAsync(businessId, key, language.ToLowerInvariant(), null);
        await audit.WriteAsync(caller, "responses.delete", businessId, $"{key}/{language}");
        return TypedResults.NoContent();
    }
}
