using Assistant.Core.Configuration;
using Assistant.Core.WhatsApp.Inbound;
using Assistant.Webhook.Ingest;
using StackExchange.Redis;

namespace Microsoft.Extensions.Hosting;

internal static class Extensions
{
    public static void AddApplicationServices(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<WhatsAppOptions>()
            .BindConfiguration(WhatsAppOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => !string.IsNullOrWhiteSpace(o.AppSecret), "WhatsApp:AppSecret is required by the webhook (the key of X-Hub-Signature-256).")
            .Validate(o => !string.IsNullOrWhiteSpace(o.VerifyToken), "WhatsApp:VerifyToken is required by the webhook (the GET /webhook handshake).")
            .ValidateOnStart();

        builder.Services.AddOptions<WebhookIngestOptions>()
            .BindConfiguration(WebhookIngestOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        builder.AddRedisClient("redis", configureOptions: redis =>
        {
            // While Redis is down, fail at once (the webhook answers 503 and Meta retries) instead of
            // queueing commands in the client, and reconnect quickly once it is back.
            redis.AbortOnConnectFail = false;
            redis.BacklogPolicy = BacklogPolicy.FailFast;
            redis.ReconnectRetryPolicy = new LinearRetry(500);
        });

        builder.Services.AddBusinessDirectory();
        builder.Services.AddSingleton<InboundEventQueue>();
        builder.Services.AddSingleton<SignatureVerifier>();
        builder.Services.AddSingleton<WebhookMetrics>();
        builder.Services.AddSingleton<WebhookIngestor>();
    }
}
