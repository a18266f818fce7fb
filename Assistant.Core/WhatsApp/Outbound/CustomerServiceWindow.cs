using StackExchange.Redis;

namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>
/// WhatsApp's customer service window: free-form messages may be sent for 24 hours after the
/// customer's last message; outside it only templates. The worker records every inbound message;
/// the sender asks before sending a proactive message.
/// </summary>
public sealed class CustomerServiceWindow(IConnectionMultiplexer redis, TimeProvider timeProvider)
{
    public static readonly TimeSpan Length = TimeSpan.FromHours(24);

    // Keep the later of two timestamps: inbound events can be processed out of order.
    private const string RecordScript = """
        local current = tonumber(redis.call('GET', KEYS[1]) or '0')
        if tonumber(ARGV[1]) > current then
          redis.call('SET', KEYS[1], ARGV[1], 'PX', ARGV[2])
        end
        return 1
        """;

    public static string Key(string businessId, string conversationKey) => $"csw:{businessId}:{conversationKey}";

    /// <summary>Call for every message the customer sends, with the time WhatsApp gives for it.</summary>
    public Task RecordInboundAsync(string businessId, string conversationKey, DateTimeOffset timestamp) =>
        redis.GetDatabase().ScriptEvaluateAsync(RecordScript, [Key(businessId, conversationKey)],
            [timestamp.ToUnixTimeMilliseconds(), (long)(Length * 2).TotalMilliseconds]);

    public async Task<DateTimeOffset?> GetLastInboundAsync(string businessId, string conversationKey)
    {
        var value = await redis.GetDatabase().StringGetAsync(Key(businessId, conversationKey));
        return long.TryParse((string?)value, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;
    }

    /// <summary>True while free-form messages may be sent to the conversation.</summary>
    public async Task<bool> IsOpenAsync(string businessId, string conversationKey)
    {
        var last = await GetLastInboundAsync(businessId, conversationKey);
        return last is { } at && timeProvider.GetUtcNow() - at < Length;
    }
}
