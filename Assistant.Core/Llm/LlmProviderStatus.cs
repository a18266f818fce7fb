namespace Assistant.Core.Llm;

/// <summary>What the admin shows for one provider of the chain. Immutable snapshot.</summary>
public sealed record LlmProviderStatus
{
    public required string Name { get; init; }

    public required string Kind { get; init; }

    public required string Model { get; init; }

    public DateTimeOffset? LastSuccessAt { get; init; }

    public DateTimeOffset? LastFailureAt { get; init; }

    /// <summary>Reason tag and detail of the last failure, e.g. <c>rate_limited (HTTP 429)</c>.</summary>
    public string? LastFailureReason { get; init; }

    public int ConsecutiveFailures { get; init; }

    /// <summary>Exponentially weighted moving average of successful calls' latency; null before the first success.</summary>
    public double? LatencyEwmaMs { get; init; }

    /// <summary>While in the future the chain skips this provider.</summary>
    public DateTimeOffset? CoolingDownUntil { get; init; }

    public long TotalCalls { get; init; }

    public long TotalFailures { get; init; }
}
