using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Assistant.Core.Streams;

/// <summary>
/// What the stream consumers do with their entries, on the Meter <c>Assistant.Streams</c>: an
/// operator alerts on dead letters and on failures climbing, and sees how often dead or slow
/// consumers leave entries to be reclaimed. Tagged with the stream and the group, never with
/// anything from an entry.
/// </summary>
internal static class StreamConsumerMetrics
{
    public const string Acked = "acked";
    public const string Failed = "failed";
    public const string Deferred = "deferred";
    public const string DeadLettered = "dead_lettered";

    private static readonly Meter Meter = new(RedisStreamConsumer.ActivitySourceName);

    private static readonly Counter<long> Entries = Meter.CreateCounter<long>(
        "assistant.streams.entries", "{entry}", "Entries handled by a stream consumer, by outcome (acked, failed, deferred, dead_lettered).");

    private static readonly Counter<long> Reclaimed = Meter.CreateCounter<long>(
        "assistant.streams.reclaimed", "{entry}", "Entries taken over from a dead, failing or slow consumer (XAUTOCLAIM).");

    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>(
        "assistant.streams.process.duration", "ms", "Time to handle one entry, ack included.");

    public static void Outcome(StreamConsumerOptions options, string outcome, double? milliseconds = null)
    {
        var tags = new TagList
        {
            { "messaging.destination.name", options.StreamName },
            { "messaging.consumer.group.name", options.GroupName },
            { "outcome", outcome },
        };
        Entries.Add(1, tags);
        if (milliseconds is { } ms)
        {
            Duration.Record(ms, tags);
        }
    }

    public static void Reclaim(StreamConsumerOptions options, int count)
    {
        if (count > 0)
        {
            Reclaimed.Add(count, new TagList
            {
                { "messaging.destination.name", options.StreamName },
                { "messaging.consumer.group.name", options.GroupName },
            });
        }
    }
}
