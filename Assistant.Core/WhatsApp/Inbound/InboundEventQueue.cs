using System.Diagnostics;
using Assistant.Core.Streams;
using StackExchange.Redis;

namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>
/// Writes the events of one webhook body to their streams in a single round trip. Each event is
/// de-duplicated atomically with its XADD (SET NX marker, then XADD only if the marker was new), so
/// Meta's retries and concurrent duplicate deliveries produce exactly one stream entry.
/// </summary>
public sealed class InboundEventQueue(IConnectionMultiplexer redis)
{
    // KEYS: per event i, KEYS[3i-2] = marker, KEYS[3i-1] = stream, KEYS[3i] = the conversation's
    //       sequence (a sorted set of its entry ids, by arrival), or a placeholder when the event has no conversation.
    // ARGV: [1] marker TTL seconds, [2] traceparent, [3] tracestate, then per event 4 values:
    //       kind, conversation, event JSON, MAXLEN.
    // Returns one 1/0 per event: 1 = appended, 0 = duplicate. Each stream that got an entry is
    // nudged once on its wake-up channel (StreamWakeup), so an idle consumer reads it at once.
    // The sequence is what lets several worker replicas answer one conversation strictly in arrival
    // order: it is written in the same atomic step as the entry, so no reader can see one without the other.
    private const string Script = $$"""
        local ttl = ARGV[1]
        local tp = ARGV[2]
        local ts = ARGV[3]
        local result = {}
        local n = #KEYS / 3
        local woken = {}
        for i = 1, n do
          local a = 3 + (i - 1) * 4
          if redis.call('SET', KEYS[3 * i - 2], '1', 'NX', 'EX', ttl) then
            local id = redis.call('XADD', KEYS[3 * i - 1], 'MAXLEN', '~', ARGV[a + 4], '*',
              'kind', ARGV[a + 1], 'conversation', ARGV[a + 2], 'event', ARGV[a + 3],
              'traceparent', tp, 'tracestate', ts)
            if ARGV[a + 2] ~= '' then
              local dash = string.find(id, '-', 1, true)
              local score = tonumber(string.sub(id, 1, dash - 1)) * 1000 + tonumber(string.sub(id, dash + 1))
              redis.call('ZADD', KEYS[3 * i], score, id)
              redis.call('EXPIRE', KEYS[3 * i], ttl)
            end
            if not woken[KEYS[3 * i - 1]] then
              woken[KEYS[3 * i - 1]] = true
              redis.call('PUBLISH', KEYS[3 * i - 1] .. '{{StreamWakeup.ChannelSuffix}}', '')
            end
            result[i] = 1
          else
            result[i] = 0
          end
        end
        return result
        """;

    private static readonly string TtlSeconds = ((long)InboundLimits.DedupeTtl.TotalSeconds).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private readonly IConnectionMultiplexer _redis = redis;

    /// <summary>Appends every event not seen before, carrying the W3C trace context of <paramref name="activity"/>.</summary>
    public async Task<EnqueueResult> EnqueueAsync(IReadOnlyList<QueuedEvent> events, Activity? activity)
    {
        if (events.Count == 0)
        {
            return new EnqueueResult(0, 0);
        }

        var keys = new RedisKey[events.Count * 3];
        var values = new RedisValue[3 + events.Count * 4];
        values[0] = TtlSeconds;
        values[1] = activity is { IdFormat: ActivityIdFormat.W3C } ? activity.Id : string.Empty;
        values[2] = activity?.TraceStateString ?? string.Empty;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            keys[3 * i] = e.DedupeKey;
            keys[3 * i + 1] = e.Stream;
            keys[3 * i + 2] = e.Conversation.Length > 0 ? ConversationSequence.Key(e.Conversation) : ConversationSequence.NoConversationKey;
            var a = 3 + i * 4;
            values[a] = e.Kind;
            values[a + 1] = e.Conversation;
            values[a + 2] = e.Payload;
            values[a + 3] = e.MaxLength;
        }

        var result = await _redis.GetDatabase().ScriptEvaluateAsync(Script, keys, values);
        var added = 0;
        foreach (var flag in (RedisResult[])result!)
        {
            added += (int)flag;
        }
        return new EnqueueResult(added, events.Count - added);
    }
}
