using Assistant.Core.Redis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Assistant.Core.Streams;

/// <summary>
/// A consumer's ear for its stream's nudges (<see cref="StreamWakeup"/>): <see cref="Arm"/> before
/// each read, then <see cref="SleepAsync"/> ends early when a producer added an entry meanwhile.
/// Only the consumer's loop re-arms; the subscription only completes the armed signal.
/// </summary>
internal sealed partial class StreamWakeupListener(IConnectionMultiplexer redis, string stream, TimeProvider timeProvider, ILogger logger)
{
    private readonly RedisChannel _channel = StreamWakeup.Channel(stream);
    private TaskCompletionSource _wake = NewSignal();
    private bool _subscribed;

    /// <summary>The signal for the coming sleep: a nudge from now on completes it.</summary>
    public Task Arm()
    {
        var current = Volatile.Read(ref _wake);
        if (!current.Task.IsCompleted)
        {
            return current.Task;
        }

        var fresh = NewSignal();
        Volatile.Write(ref _wake, fresh);
        return fresh.Task;
    }

    /// <summary>Sleeps until <paramref name="sleep"/> is over or <paramref name="wake"/> completes; true when nudged.</summary>
    public async Task<bool> SleepAsync(TimeSpan sleep, Task wake, CancellationToken cancellationToken)
    {
        if (wake.IsCompleted)
        {
            return true;
        }

        using var timer = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var elapsed = Task.Delay(sleep, timeProvider, timer.Token);
        var first = await Task.WhenAny(wake, elapsed);
        await timer.CancelAsync();
        cancellationToken.ThrowIfCancellationRequested();
        return first == wake;
    }

    /// <summary>Subscribes once it can; after that the multiplexer resubscribes by itself after a reconnect.</summary>
    public async Task SubscribeAsync()
    {
        if (_subscribed)
        {
            return;
        }

        try
        {
            await redis.GetSubscriber().SubscribeAsync(_channel, OnNudge);
            _subscribed = true;
        }
        catch (Exception e) when (RedisFailure.IsTransient(e))
        {
            // Polling alone still reads everything; only the first entry after a quiet spell waits longer.
            LogNotSubscribed(logger, e, stream);
        }
    }

    public async Task UnsubscribeAsync()
    {
        if (!_subscribed)
        {
            return;
        }

        try
        {
            await redis.GetSubscriber().UnsubscribeAsync(_channel, OnNudge);
            _subscribed = false;
        }
        catch (Exception e) when (RedisFailure.IsTransient(e) || e is ObjectDisposedException)
        {
            LogNotSubscribed(logger, e, stream);
        }
    }

    private void OnNudge(RedisChannel channel, RedisValue message) => Volatile.Read(ref _wake).TrySetResult();

    private static TaskCompletionSource NewSignal() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Wake-up subscription for {Stream} failed; polling meanwhile")]
    private static partial void LogNotSubscribed(ILogger logger, Exception exception, string stream);
}
