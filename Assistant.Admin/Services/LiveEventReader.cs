using System.Net.ServerSentEvents;
using System.Runtime.CompilerServices;
using System.Threading.Channels;
using Assistant.Core.Conversations;
using StackExchange.Redis;

namespace Assistant.Admin.Services;

/// <summary>
/// The server-sent events of one business. The capped stream <c>biz:{id}:events</c> is the source
/// of truth and gives every event its id (the stream entry id, so <c>Last-Event-ID</c> resumes
/// exactly); the pub/sub channel only wakes the reader up, and a periodic read covers a missed
/// wake-up. A comment line every <see cref="KeepAlive"/> keeps proxies from closing an idle connection.
/// </summary>
public sealed class LiveEventReader(IConnectionMultiplexer redis)
{
    public static readonly TimeSpan KeepAlive = TimeSpan.FromSeconds(15);

    private const int Batch = 200;

    public async IAsyncEnumerable<SseItem<string>> ReadAsync(string businessId, string? lastEventId, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var db = redis.GetDatabase();
        var stream = AssistantEventPublisher.EventStream(businessId);
        var wake = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });
        var subscriber = redis.GetSubscriber();
        var channel = RedisChannel.Literal(ConversationKeys.Events(businessId));
        // A queue of its own, so unsubscribing this connection leaves the other consoles' subscriptions alone.
        var queue = await subscriber.SubscribeAsync(channel);
        queue.OnMessage(_ => wake.Writer.TryWrite(true));
        try
        {
            // Without Last-Event-ID a console wants what happens from now on: start after the newest entry.
            var position = IsStreamId(lastEventId) ? lastEventId! : await NewestIdAsync(db, stream);
            while (!cancellationToken.IsCancellationRequested)
            {
                var entries = await db.StreamRangeAsync(stream, position == "0" ? "-" : "(" + position, "+", Batch);
                foreach (var entry in entries)
                {
                    position = entry.Id!;
                    var json = (string?)entry["event"];
                    if (json is null)
                    {
                        continue;
                    }
                    var type = ConversationJson.Deserialize<AssistantEvent>(json).Type;
                    yield return new SseItem<string>(json, type) { EventId = position };
                }
                if (entries.Length == Batch)
                {
                    continue;
                }
                using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
                timeout.CancelAfter(KeepAlive);
                var woken = true;
                try
                {
                    await wake.Reader.ReadAsync(timeout.Token);
                }
                catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
                {
                    woken = false;
                }
                if (!woken)
                {
                    yield return new SseItem<string>("", "keepalive");
                }
            }
        }
        finally
        {
            await queue.UnsubscribeAsync();
        }
    }

    private static async Task<string> NewestIdAsync(IDatabase db, string stream)
    {
        var newest = await db.StreamRangeAsync(stream, "-", "+", 1, Order.Descending);
        return newest.Length == 0 ? "0" : newest[0].Id!;
    }

    private static bool IsStreamId(string? id) =>
        id is { Length: > 2 } && id.Split('-') is [var ms, var seq] && ulong.TryParse(ms, out _) && ulong.TryParse(seq, out _);
}
