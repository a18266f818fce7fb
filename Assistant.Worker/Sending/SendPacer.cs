using Assistant.Core.WhatsApp.Outbound;
using Microsoft.Extensions.Options;

namespace Assistant.Worker.Sending;

/// <summary>
/// Pacing of sends: a token bucket per <c>phone_number_id</c> (throughput, default 80/s) and one per
/// business-user pair (about 1 message per 6 s sustained, with a small burst). Meta throttles
/// beyond both (130429, 131056); pacing ourselves keeps those errors rare instead of retrying into them.
/// </summary>
public sealed class SendPacer(IOptions<OutboundOptions> options, TimeProvider timeProvider)
{
    private const int PruneThreshold = 10_000;

    private readonly Dictionary<string, GcraBucket> _numbers = new(StringComparer.Ordinal);
    private readonly Dictionary<string, GcraBucket> _pairs = new(StringComparer.Ordinal);
    private readonly Lock _lock = new();

    /// <summary>Takes a send slot of the number; returns the wait before using it.</summary>
    public TimeSpan ReserveNumber(string phoneNumberId)
    {
        var o = options.Value;
        lock (_lock)
        {
            return Bucket(_numbers, phoneNumberId, TimeSpan.FromSeconds(1 / o.NumberMessagesPerSecond), o.NumberBurst).Reserve(Now);
        }
    }

    /// <summary>Takes a slot of the pair; returns the wait before using it.</summary>
    public TimeSpan ReservePair(string phoneNumberId, string recipient)
    {
        var o = options.Value;
        lock (_lock)
        {
            return Bucket(_pairs, PairKey(phoneNumberId, recipient), o.PairInterval, o.PairBurst).Reserve(Now);
        }
    }

    /// <summary>After 130429: no send from this number for <paramref name="pause"/>.</summary>
    public void PenalizeNumber(string phoneNumberId, TimeSpan pause)
    {
        var o = options.Value;
        lock (_lock)
        {
            Bucket(_numbers, phoneNumberId, TimeSpan.FromSeconds(1 / o.NumberMessagesPerSecond), o.NumberBurst).Penalize(Now, pause);
        }
    }

    /// <summary>After 131056: no send to this user from this number for <paramref name="pause"/>.</summary>
    public void PenalizePair(string phoneNumberId, string recipient, TimeSpan pause)
    {
        var o = options.Value;
        lock (_lock)
        {
            Bucket(_pairs, PairKey(phoneNumberId, recipient), o.PairInterval, o.PairBurst).Penalize(Now, pause);
        }
    }

    public static string PairKey(string phoneNumberId, string recipient) => phoneNumberId + "|" + recipient;

    private long Now => timeProvider.GetUtcNow().UtcTicks;

    private GcraBucket Bucket(Dictionary<string, GcraBucket> buckets, string key, TimeSpan interval, int burst)
    {
        if (buckets.TryGetValue(key, out var bucket))
        {
            return bucket;
        }

        if (buckets.Count >= PruneThreshold)
        {
            // A bucket whose debt is paid is indistinguishable from a new one: forget those.
            var now = Now;
            foreach (var idle in buckets.Where(b => b.Value.IdleAfterTicks <= now).Select(b => b.Key).ToList())
            {
                buckets.Remove(idle);
            }
        }

        bucket = new GcraBucket(interval, burst);
        buckets[key] = bucket;
        return bucket;
    }
}
