namespace Assistant.Worker.Sending;

/// <summary>
/// A token bucket kept as one number (the generic cell rate algorithm): the theoretical time at
/// which the bucket would be empty again. A reservation returns how long to wait instead of
/// blocking, so callers await on the TimeProvider and tests drive time by hand. Not thread-safe:
/// <see cref="SendPacer"/> locks around it.
/// </summary>
internal sealed class GcraBucket(TimeSpan interval, int burst)
{
    private readonly long _interval = interval.Ticks;
    private readonly long _tolerance = interval.Ticks * (burst - 1);
    private long _theoreticalArrival;

    /// <summary>When the bucket is full again (nothing reserved ahead): safe to forget it after this.</summary>
    public long IdleAfterTicks => _theoreticalArrival;

    /// <summary>Takes one token; returns how long the caller must wait before using it.</summary>
    public TimeSpan Reserve(long nowTicks)
    {
        var arrival = Math.Max(_theoreticalArrival, nowTicks);
        var allowedAt = arrival - _tolerance;
        _theoreticalArrival = arrival + _interval;
        return TimeSpan.FromTicks(Math.Max(0, allowedAt - nowTicks));
    }

    /// <summary>Pushes the next free token at least <paramref name="pause"/> into the future (Meta said we went too fast).</summary>
    public void Penalize(long nowTicks, TimeSpan pause) =>
        _theoreticalArrival = Math.Max(_theoreticalArrival, nowTicks + pause.Ticks + _tolerance);
}
