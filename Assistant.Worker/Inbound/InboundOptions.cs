using System.ComponentModel.DataAnnotations;

namespace Assistant.Worker.Inbound;

/// <summary>The <c>Worker:Inbound</c> section: how customer messages are taken off <c>wa:inbound</c>.</summary>
public sealed class InboundOptions
{
    public const string SectionName = "Worker:Inbound";

    /// <summary>
    /// Customers split one request over several messages. A message that is not clearly complete
    /// waits this long for the next one; the messages that arrive are answered together, once.
    /// Zero turns debouncing off.
    /// </summary>
    public TimeSpan DebounceWindow { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary>However chatty the customer, a turn is answered at the latest this long after its first message.</summary>
    public TimeSpan MaxDebounce { get; set; } = TimeSpan.FromSeconds(6);

    /// <summary>Entries handled at once by one worker; most wait their turn in their conversation, cheaply.</summary>
    [Range(1, 10_000)]
    public int MaxInFlight { get; set; } = 256;

    /// <summary>An entry whose worker died is taken over after this long.</summary>
    public TimeSpan ClaimIdleTime { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Deliveries before a message that keeps failing goes to <c>wa:inbound:dead</c>.</summary>
    [Range(1, 100)]
    public int MaxAttempts { get; set; } = 5;

    /// <summary>How often a message waiting behind an earlier one of its conversation looks again.</summary>
    public TimeSpan TurnPollInterval { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>Below this classifier confidence an intent is not trusted: the knowledge base or a person decides.</summary>
    [Range(0.0, 1.0)]
    public double MinIntentConfidence { get; set; } = 0.45;

    /// <summary>Recent turns given to the answer prompt and to a hand-off.</summary>
    [Range(1, 100)]
    public int RecentTurns { get; set; } = 10;
}
