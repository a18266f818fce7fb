using System.ComponentModel.DataAnnotations;

namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>The <c>Outbound</c> configuration section: pacing, retries, leases and re-engagement of the sender.</summary>
public sealed class OutboundOptions
{
    public const string SectionName = "Outbound";

    /// <summary>Sustained sends per second per <c>phone_number_id</c> (Cloud API default throughput: 80).</summary>
    [Range(0.1, 10_000)]
    public double NumberMessagesPerSecond { get; set; } = 80;

    /// <summary>Sends a number may make at once after being idle, before the rate applies.</summary>
    [Range(1, 10_000)]
    public int NumberBurst { get; set; } = 20;

    /// <summary>Sustained gap between two messages to the same user from the same number (Meta: about 1 per 6 s).</summary>
    public TimeSpan PairInterval { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>Messages to one user that may go back to back before the pair gap applies (a split reply, buttons after a text).</summary>
    [Range(1, 100)]
    public int PairBurst { get; set; } = 4;

    /// <summary>Texts waiting for the same user are sent as one when each is at most this long.</summary>
    [Range(0, 4096)]
    public int MergeTextMaxLength { get; set; } = 1000;

    [Range(1, 50)]
    public int MaxSendAttempts { get; set; } = 6;

    public TimeSpan RetryBaseDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan RetryMaxDelay { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Timeout of one Graph API call.</summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>How long a <c>sending</c> record belongs to the process that wrote it; longer than <see cref="SendTimeout"/>.</summary>
    public TimeSpan SendLease { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>After a lease expired with the outcome unknown, how long to wait for a status webhook before sending again.</summary>
    public TimeSpan UnknownOutcomeGrace { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>Entries pending longer than this (their process died) are taken over.</summary>
    public TimeSpan ClaimIdleTime { get; set; } = TimeSpan.FromMinutes(2);

    public TimeSpan ClaimInterval { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>Queue entries being paced or sent at once; most of them wait for a pair gap.</summary>
    [Range(1, 100_000)]
    public int MaxInFlight { get; set; } = 5000;

    /// <summary>Deliveries of one queue entry (crashes, deferrals) before it is dead-lettered.</summary>
    [Range(1, 1000)]
    public int MaxDeliveries { get; set; } = 20;

    public TimeSpan RecordTtl { get; set; } = TimeSpan.FromDays(7);

    /// <summary>Re-engagement template per business id; the key <c>*</c> applies to every business without its own.</summary>
    public Dictionary<string, ReEngagementTemplateOptions> ReEngagementTemplates { get; set; } = new(StringComparer.Ordinal);

    public string ConsumerGroup { get; set; } = "sender";
}
