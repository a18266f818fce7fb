using Assistant.Core.Conversations;
using Assistant.Core.Streams;
using StackExchange.Redis;

namespace Assistant.Admin.Background;

/// <summary>
/// Turns <c>wa:handoff:requests</c> (written by the sender when Meta refuses a message, e.g. outside
/// the 24-hour window) into hand-offs, as the consumer group <see cref="GroupName"/>. The hand-off id
/// derives from the entry id, so a redelivered entry opens no second hand-off.
/// </summary>
public sealed class HandoffRequestConsumer(IConnectionMultiplexer redis, ConversationControl control, ILogger<HandoffRequestConsumer> logger, TimeProvider time)
    : RedisStreamConsumerService(redis, new StreamConsumerOptions { StreamName = StreamNames.HandoffRequests, GroupName = GroupName, MaxInFlight = 4 }, logger, time)
{
    public const string GroupName = "admin";

    protected override async Task HandleAsync(StreamEntry entry, CancellationToken cancellationToken)
    {
        var conversationKey = entry.GetString("conversationKey");
        if (string.IsNullOrEmpty(conversationKey))
        {
            return;
        }
        // A request for a conversation that no longer exists (erased meanwhile) has nobody to hand off.
        await control.HandOffAsync(conversationKey, entry.GetString("reason") ?? "outbound_refused", handoffId: "req." + (string?)entry.Id);
    }
}
