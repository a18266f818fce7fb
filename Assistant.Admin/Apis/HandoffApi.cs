using Assistant.Admin.Audit;
using Assistant.Admin.Models;
using Assistant.Admin.Security;
using Assistant.Core.Conversations;
using Assistant.Core.WhatsApp.Outbound;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Assistant.Admin.Apis;

/// <summary>A person in the conversation: take over, reply in the same WhatsApp thread, note, release; the hand-off list.</summary>
public static class HandoffApi
{
    public const int MaxTextLength = 4096;

    public static IEndpointRouteBuilder MapHandoffApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/businesses/{businessId}").WithTags("Hand-off").RequireAuthorization().RequireBusinessMember();
        api.MapGet("/handoffs", ListHandoffsAsync);
        api.MapPost("/conversations/{key}/takeover", TakeOverAsync);
        api.MapPost("/conversations/{key}/reply", ReplyAsync);
        api.MapPost("/conversations/{key}/notes", AddNoteAsync);
        api.MapPost("/conversations/{key}/release", ReleaseAsync);
        return app;
    }

    public static async Task<Ok<List<HandoffRecord>>> ListHandoffsAsync(string businessId, HandoffStore handoffs, string? status = null, int take = 100) =>
        TypedResults.Ok((await handoffs.ListAsync(businessId, Math.Clamp(take, 1, 1000))).Where(h => status is null || h.Status == status).ToList());

    public static async Task<Results<Ok<ConversationRecord>, ProblemHttpResult>> TakeOverAsync(
        string businessId, string key, AdminCaller caller, ConversationStore conversations, ConversationControl control, AuditLog audit)
    {
        if (!await BelongsAsync(businessId, key, conversations))
        {
            return NotFound();
        }
        var updated = await control.TakeOverAsync(key, caller.Name);
        await audit.WriteAsync(caller, "conversation.takeover", businessId, key);
        return updated is null ? NotFound() : TypedResults.Ok(updated);
    }

    public static async Task<Results<Ok<ConversationMessage>, ProblemHttpResult>> ReplyAsync(
        string businessId, string key, AgentText body, AdminCaller caller, ConversationStore conversations, ConversationControl control, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!await BelongsAsync(businessId, key, conversations))
        {
            return NotFound();
        }
        if (Invalid(body.Text) is { } problem)
        {
            return problem;
        }
        try
        {
            var line = await control.ReplyAsAgentAsync(key, caller.Name, body.Text, cancellationToken: cancellationToken);
            await audit.WriteAsync(caller, "conversation.reply", businessId, key, line?.OutboundId);
            return line is null ? NotFound() : TypedResults.Ok(line);
        }
        catch (OutboundValidationException ex)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "WhatsApp would refuse this message.", detail: ex.Message);
        }
    }

    public static async Task<Results<Ok<ConversationMessage>, ProblemHttpResult>> AddNoteAsync(
        string businessId, string key, AgentText body, AdminCaller caller, ConversationStore conversations, ConversationControl control, AuditLog audit)
    {
        if (!await BelongsAsync(businessId, key, conversations))
        {
            return NotFound();
        }
        if (Invalid(body.Text) is { } problem)
        {
            return problem;
        }
        var line = await control.AddNoteAsync(key, caller.Name, body.Text);
        await audit.WriteAsync(caller, "conversation.note", businessId, key);
        return line is null ? NotFound() : TypedResults.Ok(line);
    }

    public static async Task<Results<Ok<ConversationRecord>, ProblemHttpResult>> ReleaseAsync(
        string businessId, string key, ReleaseRequest? body, AdminCaller caller, ConversationStore conversations, ConversationControl control, AuditLog audit, CancellationToken cancellationToken)
    {
        if (!await BelongsAsync(businessId, key, conversations))
        {
            return NotFound();
        }
        if (body?.ClosingMessage is { Length: > MaxTextLength })
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"A message is at most {MaxTextLength} characters.");
        }
        var updated = await control.ReleaseAsync(key, caller.Name, body?.ClosingMessage, cancellationToken);
        await audit.WriteAsync(caller, "conversation.release", businessId, key, body?.ClosingMessage is null ? null : "with closing message");
        return updated is null ? NotFound() : TypedResults.Ok(updated);
    }

    /// <summary>The key must name a conversation of the route's business: an agent of one business never reaches another's.</summary>
    internal static async Task<bool> BelongsAsync(string businessId, string key, ConversationStore conversations) =>
        key.StartsWith(businessId + ":", StringComparison.Ordinal) && (await conversations.GetAsync(key))?.BusinessId == businessId;

    internal static ProblemHttpResult? Invalid(string? text) =>
        string.IsNullOrWhiteSpace(text) || text.Length > MaxTextLength
            ? TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: $"A text of 1 to {MaxTextLength} characters is needed.")
            : null;

    private static ProblemHttpResult NotFound() => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such conversation.");
}
