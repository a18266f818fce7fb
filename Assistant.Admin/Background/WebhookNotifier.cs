using System.Net.Http.Headers;
using System.Text;
using Assistant.Admin.Services;
using Assistant.Core.Conversations;
using Assistant.Core.Redis;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Assistant.Admin.Background;

/// <summary>
/// Forwards every live event of a business with a webhook to its URL, signed. Listens to the
/// pub/sub channels of all businesses; the body is the event JSON as published (it carries keys
/// and types, never the customer's text). A failing receiver is logged and not retried: the
/// console stays the place of record.
/// </summary>
public sealed partial class WebhookNotifier(
    IConnectionMultiplexer redis,
    WebhookSettingsStore settings,
    IHttpClientFactory httpClients,
    IOptions<AdminOptions> options,
    ILogger<WebhookNotifier> logger) : BackgroundService
{
    public const string HttpClientName = "staff-webhook";

    private static readonly TimeSpan SubscribeRetryDelay = TimeSpan.FromSeconds(2);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        ChannelMessageQueue queue;
        try
        {
            queue = await SubscribeAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                var message = await queue.ReadAsync(stoppingToken);
                try
                {
                    await NotifyAsync(message.Message.ToString(), stoppingToken);
                }
                catch (Exception ex) when (RedisFailure.IsTransient(ex))
                {
                    // The settings could not be read: this event is not forwarded; the listener stays.
                    LogSettingsUnavailable(logger, ex);
                }
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
        finally
        {
            await queue.UnsubscribeAsync();
        }
    }

    /// <summary>Subscribes once Redis answers: an outage at start must not end the app.</summary>
    private async Task<ChannelMessageQueue> SubscribeAsync(CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return await redis.GetSubscriber().SubscribeAsync(RedisChannel.Pattern(ConversationKeys.Events("*")));
            }
            catch (Exception ex) when (RedisFailure.IsTransient(ex))
            {
                LogSettingsUnavailable(logger, ex);
                await Task.Delay(SubscribeRetryDelay, cancellationToken);
            }
        }
    }

    public async Task NotifyAsync(string json, CancellationToken cancellationToken)
    {
        AssistantEvent assistantEvent;
        try
        {
            assistantEvent = ConversationJson.Deserialize<AssistantEvent>(json);
        }
        catch (System.Text.Json.JsonException)
        {
            return;
        }
        var webhook = await settings.GetAsync(assistantEvent.BusinessId);
        if (webhook is not { Enabled: true } || (webhook.EventTypes.Count > 0 && !webhook.EventTypes.Contains(assistantEvent.Type)))
        {
            return;
        }
        var body = Encoding.UTF8.GetBytes(json);
        using var request = new HttpRequestMessage(HttpMethod.Post, webhook.Url) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        request.Headers.TryAddWithoutValidation(WebhookSigner.HeaderName, WebhookSigner.Sign(body, webhook.Secret));
        try
        {
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(options.Value.WebhookTimeout);
            using var response = await httpClients.CreateClient(HttpClientName).SendAsync(request, timeout.Token);
            if (!response.IsSuccessStatusCode)
            {
                LogRefused(logger, assistantEvent.BusinessId, (int)response.StatusCode);
            }
        }
        catch (Exception ex) when (ex is HttpRequestException or OperationCanceledException && !cancellationToken.IsCancellationRequested)
        {
            LogFailed(logger, ex, assistantEvent.BusinessId);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff webhook of {BusinessId} answered {StatusCode}")]
    private static partial void LogRefused(ILogger logger, string businessId, int statusCode);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff webhook of {BusinessId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string businessId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Staff webhooks wait for Redis (an event may not be forwarded)")]
    private static partial void LogSettingsUnavailable(ILogger logger, Exception exception);
}
