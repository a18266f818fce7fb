using System.ComponentModel.DataAnnotations;

namespace Assistant.Core.Streams;

/// <summary>How a <see cref="RedisStreamConsumer"/> reads one stream as one member of a consumer group.</summary>
public sealed class StreamConsumerOptions
{
    [Required]
    public string StreamName { get; set; } = "";

    [Required]
    public string GroupName { get; set; } = "";

    /// <summary>Unique per process: a restarted process with a new name reclaims the old one's entries through XAUTOCLAIM.</summary>
    [Required]
    public string ConsumerName { get; set; } = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    /// <summary>Entries asked for per XREADGROUP.</summary>
    [Range(1, 10_000)]
    public int BatchSize { get; set; } = 100;

    /// <summary>Entries being handled at once. Handlers that wait (pacing) need a high number; plain handlers can use 1.</summary>
    [Range(1, 100_000)]
    public int MaxInFlight { get; set; } = 16;

    /// <summary>First delay after an empty read; it doubles up to <see cref="MaxPollDelay"/> while the stream stays empty.</summary>
    public TimeSpan MinPollDelay { get; set; } = TimeSpan.FromMilliseconds(5);

    /// <remarks>
    /// Producers nudge the consumers when they add an entry (<see cref="StreamWakeup"/>), so the poll
    /// only matters when a nudge is lost (a reconnect) or a producer does not send one: then it
    /// bounds how long an entry waits. 250 ms costs an idle consumer 4 cheap reads a second.
    /// </remarks>
    public TimeSpan MaxPollDelay { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>An entry pending (read, not acked) longer than this is taken over with XAUTOCLAIM: its consumer died or failed it.</summary>
    public TimeSpan ClaimIdleTime { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often pending entries are looked at for reclaim.</summary>
    public TimeSpan ClaimInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Deliveries (first read plus reclaims) before an entry goes to <see cref="DeadLetterStreamName"/>.</summary>
    [Range(1, 1000)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>Where entries that failed <see cref="MaxAttempts"/> times are copied (with the error) before being acked. Null: <c>{stream}:dead</c>.</summary>
    public string? DeadLetterStreamName { get; set; }

    internal string EffectiveDeadLetterStream => DeadLetterStreamName ?? StreamName + ":dead";

    /// <summary>The hash that keeps the last error of each failing entry until it is acked or dead-lettered.</summary>
    internal string ErrorsKey => $"{StreamName}:{GroupName}:errors";
}
