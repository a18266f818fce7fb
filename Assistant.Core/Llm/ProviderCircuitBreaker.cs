namespace Assistant.Core.Llm;

/// <summary>
/// A provider's circuit breaker: after a failure the provider is skipped until its cool-down ends, then tried
/// again (half-open); a further failure doubles the cool-down up to the maximum. A 429's <c>Retry-After</c>
/// replaces the computed cool-down. A success closes it.
/// </summary>
internal sealed class ProviderCircuitBreaker(TimeSpan baseCooldown, TimeSpan maxCooldown)
{
    private readonly Lock _lock = new();
    private int _consecutiveFailures;
    private DateTimeOffset _openUntil = DateTimeOffset.MinValue;

    public bool IsOpen(DateTimeOffset now, out DateTimeOffset openUntil)
    {
        lock (_lock)
        {
            openUntil = _openUntil;
            return now < _openUntil;
        }
    }

    public void OnSuccess()
    {
        lock (_lock)
        {
            _consecutiveFailures = 0;
            _openUntil = DateTimeOffset.MinValue;
        }
    }

    /// <returns>The consecutive failure count and the end of the cool-down.</returns>
    public (int ConsecutiveFailures, DateTimeOffset OpenUntil) OnFailure(DateTimeOffset now, TimeSpan? retryAfter)
    {
        lock (_lock)
        {
            _consecutiveFailures++;
            var cooldown = retryAfter ?? Exponential(_consecutiveFailures);
            if (cooldown > maxCooldown)
            {
                cooldown = maxCooldown;
            }

            _openUntil = now + cooldown;
            return (_consecutiveFailures, _openUntil);
        }
    }

    private TimeSpan Exponential(int failures)
    {
        // 2^(n-1) with the exponent capped so that the multiplication cannot overflow.
        var factor = Math.Pow(2, Math.Min(failures - 1, 20));
        var ticks = Math.Min(baseCooldown.Ticks * factor, maxCooldown.Ticks);
        return TimeSpan.FromTicks((long)ticks);
    }
}
