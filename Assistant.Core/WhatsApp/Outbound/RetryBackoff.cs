namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>Exponential backoff with jitter: after attempt n, wait between half and all of base·2^(n-1), capped.</summary>
public static class RetryBackoff
{
    public static TimeSpan Delay(int attempt, TimeSpan baseDelay, TimeSpan maxDelay, Random? random = null)
    {
        var exponent = Math.Clamp(attempt - 1, 0, 30);
        var ceiling = Math.Min(baseDelay.TotalMilliseconds * Math.Pow(2, exponent), maxDelay.TotalMilliseconds);
        // The random half spreads retries of many messages hit by the same outage.
        var jittered = (ceiling / 2) + ((random ?? Random.Shared).NextDouble() * ceiling / 2);
        return TimeSpan.FromMilliseconds(jittered);
    }
}
