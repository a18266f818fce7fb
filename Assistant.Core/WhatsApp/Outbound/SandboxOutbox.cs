using System.Globalization;
using StackExchange.Redis;

namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>
/// What the sandbox channel "delivered", per conversation: the stream
/// <c>sandbox:{businessId}:{conversationKey}</c> (oldest first) and the set
/// <c>sandbox:{businessId}:conversations</c>. The admin app reads it to show replies without Meta.
/// </summary>
public sealed class SandboxOutbox(IConnectionMultiplexer redis, TimeProvider timeProvider)
{
    private const int MaxPerConversation = 1000;

    public static string StreamKey(string businessId, string conversationKey) => $"sandbox:{businessId}:{conversationKey}";

    public static string ConversationsKey(string businessId) => $"sandbox:{businessId}:conversations";

    public static string SandboxWamid(string messageId) => "wamid.sandbox." + messageId;

    /// <summary>The conversations of a business that have sandbox deliveries.</summary>
    public async Task<IReadOnlyList<string>> ListConversationsAsync(string businessId)
    {
        var members = await redis.GetDatabase().SetMembersAsync(ConversationsKey(businessId));
        return members.Select(m => (string)m!).Order(StringComparer.Ordinal).ToArray();
    }

    /// <summary>The last <paramref name="count"/> deliveries of a conversation, oldest first.</summary>
    public async Task<IReadOnlyList<SandboxDelivery>> ReadAsync(string businessId, string conversationKey, int count = 100)
    {
        var entries = await redis.GetDatabase().StreamRangeAsync(StreamKey(businessId, conversationKey), "-", "+", count, Order.Descending);
        return entries.Reverse().Select(e =>
        {
            var message = OutboundMessage.Deserialize((string)e["message"]!);
            var at = long.TryParse((string?)e["deliveredAt"], out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : DateTimeOffset.MinValue;
            return new SandboxDelivery((string)e.Id!, message.Id, (string)e["wamid"]!, message, at);
        }).ToArray();
    }

    /// <summary>Records one delivery; once per message id, so a resend after a crash is not shown twice.</summary>
    internal async Task<string> RecordAsync(OutboundMessage message)
    {
        var wamid = SandboxWamid(message.Id);
        var database = redis.GetDatabase();
        var transaction = database.CreateTransaction();
        transaction.AddCondition(Condition.KeyNotExists("sandbox:sent:" + message.Id));
        _ = transaction.StringSetAsync("sandbox:sent:" + message.Id, wamid, TimeSpan.FromDays(7));
        _ = transaction.StreamAddAsync(StreamKey(message.BusinessId, message.ConversationKey),
        [
            new("id", message.Id),
            new("wamid", wamid),
            new("kind", message.Kind.ToString()),
            new("message", message.Serialize()),
            new("deliveredAt", timeProvider.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
        ], maxLength: MaxPerConversation, useApproximateMaxLength: true);
        _ = transaction.SetAddAsync(ConversationsKey(message.BusinessId), message.ConversationKey);
        await transaction.ExecuteAsync();
        return wamid;
    }
}
