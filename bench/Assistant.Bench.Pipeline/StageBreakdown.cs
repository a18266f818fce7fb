using System.Diagnostics;
using System.Globalization;
using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Inbound;
using Assistant.Core.WhatsApp.Outbound;
using StackExchange.Redis;

namespace Assistant.Bench.Pipeline;

/// <summary>
/// Where the time of a reply goes, from the Redis stream ids (XADD time, 1 ms resolution, the same
/// host clock): POST start → entry on wa:inbound (webhook) → mark-as-read on wa:outbound (worker
/// picks the entry up; it queues "typing..." first) → reply on wa:outbound (the turn) → reply at
/// the stand-in (sender picks it up, dispatches, HTTP).
/// </summary>
public sealed class StageBreakdown
{
    // Stopwatch timestamps are turned into Unix milliseconds through one anchor taken at start.
    private static readonly long AnchorTimestamp = Stopwatch.GetTimestamp();
    private static readonly double AnchorUnixMs = (DateTimeOffset.UtcNow - DateTimeOffset.UnixEpoch).TotalMilliseconds;

    private readonly List<double> _webhook = [], _pickup = [], _turn = [], _send = [];

    public static async Task<StageBreakdown> MeasureAsync(IDatabase db, int phase, IReadOnlyList<PostResult> posts, GraphTraffic traffic, CustomerMessages messages)
    {
        var inbound = new Dictionary<string, (string EntryId, long Ms)>(StringComparer.Ordinal);
        foreach (var entry in await ReadAllAsync(db, StreamNames.Inbound))
        {
            if ((string?)entry[InboundStreamFields.Event] is { } json)
            {
                inbound[InboundMessage.Deserialize(json).Id] = ((string)entry.Id!, MsOf(entry.Id));
            }
        }
        var outbound = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var entry in await ReadAllAsync(db, StreamNames.Outbound))
        {
            outbound.TryAdd((string)entry[OutboundQueue.IdField]!, MsOf(entry.Id));
        }

        var breakdown = new StageBreakdown();
        foreach (var post in posts)
        {
            var messageId = messages.IdOf(phase, post.N);
            var texts = traffic.TextsTo(CustomerMessages.PhoneOf(phase, post.N));
            if (!inbound.TryGetValue(messageId, out var queued) || texts.Count == 0
                || !outbound.TryGetValue("read." + messageId, out var typing) || !outbound.TryGetValue("reply." + queued.EntryId, out var reply))
            {
                continue;
            }
            breakdown._webhook.Add(queued.Ms - UnixMs(post.Started));
            breakdown._pickup.Add(typing - queued.Ms);
            breakdown._turn.Add(reply - typing);
            breakdown._send.Add(UnixMs(texts.Min(t => t.At)) - reply);
        }
        return breakdown;
    }

    public string Describe()
    {
        static string Line(string stage, List<double> values)
        {
            var sorted = values.Order().ToArray();
            return string.Create(CultureInfo.InvariantCulture,
                $"    {stage,-52} p50 {Stats.Percentile(sorted, 0.5),6:F1}  p95 {Stats.Percentile(sorted, 0.95),6:F1}  p99 {Stats.Percentile(sorted, 0.99),6:F1} ms");
        }
        return string.Join(Environment.NewLine,
            $"  stages ({_webhook.Count} messages; stream ids have 1 ms resolution):",
            Line("POST start -> on wa:inbound (webhook)", _webhook),
            Line("wa:inbound -> typing on wa:outbound (worker pickup)", _pickup),
            Line("typing -> reply on wa:outbound (the turn)", _turn),
            Line("reply on wa:outbound -> at the stand-in (sender)", _send));
    }

    public object ToJson() => new
    {
        webhook_p50_ms = P50(_webhook),
        worker_pickup_p50_ms = P50(_pickup),
        turn_p50_ms = P50(_turn),
        sender_p50_ms = P50(_send),
    };

    private static double P50(List<double> values) => Math.Round(Stats.Percentile([.. values.Order()], 0.5), 1);

    private static double UnixMs(long timestamp) => AnchorUnixMs + Stats.Milliseconds(AnchorTimestamp, timestamp);

    private static long MsOf(RedisValue entryId)
    {
        var id = (string)entryId!;
        return long.Parse(id.AsSpan(0, id.IndexOf('-', StringComparison.Ordinal)), CultureInfo.InvariantCulture);
    }

    private static async Task<List<StreamEntry>> ReadAllAsync(IDatabase db, string stream)
    {
        var all = new List<StreamEntry>();
        RedisValue from = "-";
        while (true)
        {
            var page = await db.StreamRangeAsync(stream, from, "+", count: 10_000);
            all.AddRange(page);
            if (page.Length < 10_000)
            {
                return all;
            }
            from = "(" + page[^1].Id;
        }
    }
}
