using Assistant.Core.Configuration;
using Microsoft.AspNetCore.Http;
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

    private static bool FixedTimeEquals(string? given, string expected) =>
        given is not null && System.Security.Cryptography.CryptographicOperations.FixedTimeEquals(
            System.Text.Encoding.UTF8.GetBytes(given), System.Text.Encoding.UTF8.GetBytes(expected));
}
