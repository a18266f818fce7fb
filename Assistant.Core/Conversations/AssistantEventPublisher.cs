using StackExchange.Redis;

namespace Assistant.Core.Conversations;

/// <summary>
/// Publishes live updates on the business's Redis channel (the admin turns them into server-sent
/// events) and keeps the last ones in a capped stream, so a console that reconnects can catch up.
/// </summary>
public sealed class AssistantEventPublisher(IConnectionMultiplexer redis)
{
    public const int EventsKept = 10_000;

    public static string EventStream(string businessId) => $"biz:{businessId}:events";

    public async Task PublishAsync(AssistantEvent assistantEvent)
    {
        var json = ConversationJson.Serialize(assistantEvent);
        var db = redis.GetDatabase();
        await db.StreamAddAsync(EventStream(assistantEvent.BusinessId), "event", json, maxLength: EventsKept, useApproximateMaxLength: true);
        await redis.GetSubscriber().PublishAsync(RedisChannel.Literal(ConversationKeys.Events(assistantEvent.BusinessId)), json);
    }
}
