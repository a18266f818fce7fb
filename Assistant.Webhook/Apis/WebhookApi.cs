using Assistant.Core.Configuration;
using Assistant.Webhook.Ingest;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Options;

namespace Microsoft.AspNetCore.Builder;

public static class WebhookApi
{
    public static IEndpointRouteBuilder MapWebhookApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/webhook");
        api.MapGet("/", VerifySubscription);
        api.MapPost("/", ReceiveNotification);
        return app;
    }

    /// <summary>Meta's subscription handshake: echo <c>hub.challenge</c> when the token matches.</summary>
    public static Results<ContentHttpResult, StatusCodeHttpResult> VerifySubscription(
        [FromQuery(Name = "hub.mode")] string? mode,
        [FromQuery(Name = "hub.verify_token")] string? token,
        [FromQuery(Name = "hub.challenge")] string? challenge,
        IOptions<WhatsAppOptions> options)
    {
        var expected = options.Value.VerifyToken;
        if (mode == "subscribe" && challenge is not null && expected is not null && FixedTimeEquals(token, expected))
        {
            return TypedResults.Text(challenge, "text/plain");
        }
        return TypedResults.StatusCode(StatusCodes.Status403Forbidden);
    }

    /// <summary>
    /// Meta's event delivery. 200 only once every event is safely queued (or deliberately ignored);
    /// 401 bad signature, 400 not a webhook, 413 too large, 503 store unavailable (Meta retries).
    /// </summary>
    public static async Task<Results<Ok, UnauthorizedHttpResult, ProblemHttpResult>> ReceiveNotification(
        HttpRequest request,
        WebhookIngestor ingestor,
        CancellationToken cancellationToken)
    {
        var result = await ingestor.IngestAsync(request, cancellationToken);
        return result.Outcome switch
        {
            IngestOutcome.Accepted or IngestOutcome.Ignored => TypedResults.Ok(),
            IngestOutcome.Unauthorized => TypedResults.Unauthorized(),
            IngestOutcome.BadRequest => TypedResults.Problem(result.Detail, statusCode: StatusCodes.Status400BadRequest, title: "Not a WhatsApp webhook"),
            IngestOutcome.TooLarge => TypedResults.Problem(result.Detail, statusCode: StatusCodes.Status413PayloadTooLarge, title: "Body too large"),
            _ => TypedResults.Problem(result.Detail, statusCode: StatusCodes.Status503ServiceUnavailable, title: "Temporarily unavailable"),
        };
    }

    private static bool FixedTimeEquals(string? given, string expected) =>
        given is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(expected));
}
