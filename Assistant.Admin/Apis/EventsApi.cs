using System.Security.Cryptography;
using Assistant.Admin.Audit;
using Assistant.Admin.Models;
using Assistant.Admin.Security;
using Assistant.Admin.Services;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Assistant.Admin.Apis;

/// <summary>Live updates: server-sent events per business, and the staff notification webhook.</summary>
public static class EventsApi
{
    public static IEndpointRouteBuilder MapEventsApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/businesses/{businessId}").WithTags("Live updates").RequireAuthorization().RequireBusinessMember();
        api.MapGet("/events", Stream).Produces(StatusCodes.Status200OK, contentType: "text/event-stream");
        api.MapGet("/webhook", GetWebhookAsync).RequireBusinessOwner();
        api.MapPut("/webhook", PutWebhookAsync).RequireBusinessOwner();
        api.MapDelete("/webhook", DeleteWebhookAsync).RequireBusinessOwner();
        return app;
    }

    /// <summary>Events as they happen; <c>Last-Event-ID</c> replays what was missed from the capped event stream.</summary>
    public static ServerSentEventsResult<string> Stream(
        string businessId, LiveEventReader reader, HttpContext context, [FromHeader(Name = "Last-Event-ID")] string? lastEventId = null) =>
        TypedResults.ServerSentEvents(reader.ReadAsync(businessId, lastEventId, context.RequestAborted));

    public static async Task<Results<Ok<WebhookSettings>, ProblemHttpResult>> GetWebhookAsync(string businessId, WebhookSettingsStore store) =>
        await store.GetAsync(businessId) is { } settings
            ? TypedResults.Ok(settings)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No webhook configured.");

    public static async Task<Results<Ok<WebhookSettings>, ProblemHttpResult>> PutWebhookAsync(
        string businessId, WebhookRequest body, AdminCaller caller, WebhookSettingsStore store, AuditLog audit)
    {
        if (!Uri.TryCreate(body.Url, UriKind.Absolute, out var url) || url.Scheme is not ("https" or "http"))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "url must be an absolute http(s) URL.");
        }
        var existing = await store.GetAsync(businessId);
        var secret = body.Secret ?? existing?.Secret ?? Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        var settings = new WebhookSettings(url.ToString(), secret, body.EventTypes ?? [], body.Enabled ?? true);
        await store.SaveAsync(businessId, settings);
        await audit.WriteAsync(caller, "webhook.set", businessId, url.Host);
        return TypedResults.Ok(settings);
    }

    public static async Task<NoContent> DeleteWebhookAsync(string businessId, AdminCaller caller, WebhookSettingsStore store, AuditLog audit)
    {
        await store.DeleteAsync(businessId);
        await audit.WriteAsync(caller, "webhook.delete", businessId);
        return TypedResults.NoContent();
    }
}
