using System.Globalization;
using Assistant.Core.Streams;
using StackExchange.Redis;

namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>
/// Writes hand-off requests to <see cref="StreamNames.HandoffRequests"/> with fields
/// <c>businessId</c>, <c>conversationKey</c>, <c>reason</c>, <c>messageId</c>, <c>source</c>, <c>detail</c>, <c>createdAt</c> (ISO 8601)
/// and the trace context. At most one request per message id, so a retried handler does not page a person twice.
/// </summary>
public sealed class HandoffRequestPublisher(IConnectionMultiplexer redis, TimeProvider timeProvider)
{
    public async Task<bool> PublishAsync(HandoffRequest request)
    {
        var database = redis.GetDatabase();
        if (request.MessageId is not null
            && !await database.StringSetAsync($"handoff:dedupe:{request.MessageId}", 1, TimeSpan.FromDays(7), When.NotExists))
        {
            return false;
        }

        NameValueEntry[] fields =
        [
            new("businessId", request.BusinessId),
            new("conversationKey", request.ConversationKey),
            new("reason", request.Reason),
            new("messageId", request.MessageId ?? ""),
            new("source", request.Source),
            new("detail", request.Detail ?? ""),
            new("createdAt", timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)),
            .. StreamEntryExtensions.CurrentTraceFields(),
        ];
        await database.AddAndWakeAsync(StreamNames.HandoffRequests, fields);
        return true;
    }
}
