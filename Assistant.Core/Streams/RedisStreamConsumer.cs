using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using Assistant.Core.Redis;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Assistant.Core.Streams;

/// <summary>
/// Reads one Redis stream as a member of a consumer group and hands each entry to a handler:
/// at-least-once, ack only after the handler returned, reclaim of entries a dead or failing
/// consumer left pending (XAUTOCLAIM), dead-letter after <see cref="StreamConsumerOptions.MaxAttempts"/>
/// deliveries. StackExchange.Redis cannot block on XREADGROUP without stalling the shared
/// multiplexer, so the consumer sleeps while the stream is empty and wakes on the producers'
/// nudge (<see cref="StreamWakeup"/>) or, should a nudge be lost, at a poll whose delay grows
/// while the stream stays empty.
/// </summary>
/// <remarks>
/// Handlers are started in stream order and a handler's synchronous prefix runs before the next
/// entry's handler starts, so a handler can take its place in an ordered structure before its
/// first await. Up to <see cref="StreamConsumerOptions.MaxInFlight"/> handlers run at once; while
/// one runs longer than half the claim idle time its entry is re-claimed by this consumer (XCLAIM
/// JUSTID) so no other consumer takes it over.
/// </remarks>
public sealed partial class RedisStreamConsumer
{
    public const string ActivitySourceName = "Assistant.Streams";

    public static readonly ActivitySource ActivitySource = new(ActivitySourceName);

    private readonly IConnectionMultiplexer _redis;
    private readonly StreamConsumerOptions _options;
    private readonly Func<StreamEntry, CancellationToken, Task> _handler;
    private readonly Func<StreamEntry, string, CancellationToken, Task>? _onDeadLetter;
    private readonly ILogger _logger;
    private readonly TimeProvider _timeProvider;
    private readonly SemaphoreSlim _slots;
    private readonly ConcurrentDictionary<string, InFlightEntry> _inFlight = new(StringComparer.Ordinal);
    private RedisValue _claimCursor = "0-0";
    private readonly StreamWakeupListener _wakeup;

    public RedisStreamConsumer(
        IConnectionMultiplexer redis,
        StreamConsumerOptions options,
        Func<StreamEntry, CancellationToken, Task> handler,
        ILogger logger,
        TimeProvider? timeProvider = null,
        Func<StreamEntry, string, CancellationToken, Task>? onDeadLetter = null)
    {
        _redis = redis;
        _options = options;
        _handler = handler;
        _onDeadLetter = onDeadLetter;
        _logger = logger;
        _timeProvider = timeProvider ?? TimeProvider.System;
        _slots = new SemaphoreSlim(options.MaxInFlight, options.MaxInFlight);
        _wakeup = new StreamWakeupListener(redis, options.StreamName, _timeProvider, logger);
    }

    public StreamConsumerOptions Options => _options;

    /// <summary>Entries whose handler is running now.</summary>
    public int InFlightCount => _inFlight.Count;

    private IDatabase Database => _redis.GetDatabase();

    /// <summary>Creates the group (and the stream) if missing; safe to call from every process at every start.</summary>
    public async Task EnsureGroupAsync()
    {
        try
        {
            await Database.StreamCreateConsumerGroupAsync(_options.StreamName, _options.GroupName, StreamPosition.Beginning, createStream: true);
        }
        catch (RedisServerException e) when (e.Message.StartsWith("BUSYGROUP", StringComparison.Ordinal))
        {
            // The group exists already: another process, or an earlier run, created it.
        }
    }

    /// <summary>Reads, reclaims and handles until <paramref name="cancellationToken"/> fires, then waits for running handlers.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // Created inside the loop: Redis may be down at start, or come back without the group.
        var groupReady = false;
        var delay = TimeSpan.Zero;
        var nextClaim = _timeProvider.GetUtcNow();
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                // Armed before the read: a nudge that comes while reading cuts the next sleep short.
                var wake = _wakeup.Arm();
                try
                {
                    if (!groupReady)
                    {
                        await EnsureGroupAsync();
                        groupReady = true;
                    }

                    var started = 0;
                    if (_timeProvider.GetUtcNow() >= nextClaim)
                    {
                        await _wakeup.SubscribeAsync();
                        await KeepAliveAsync();
                        started += await ReclaimAsync(cancellationToken);
                        nextClaim = _timeProvider.GetUtcNow() + _options.ClaimInterval;
                    }

                    if (_slots.CurrentCount == 0)
                    {
                        // Every slot is busy: wait for one, but not past the next reclaim round.
                        if (await _slots.WaitAsync(_options.MaxPollDelay, cancellationToken))
                        {
                            _slots.Release();
                        }

                        continue;
                    }

                    started += await ReadNewAsync(cancellationToken);
                    delay = started > 0
                        ? TimeSpan.Zero
                        : delay == TimeSpan.Zero ? _options.MinPollDelay : TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxPollDelay.Ticks));
                }
                catch (Exception e) when (RedisFailure.IsTransient(e))
                {
                    LogRedisError(_logger, e, _options.StreamName);
                    delay = _options.MaxPollDelay;
                    // A Redis restarted without its data has neither the stream nor the group.
                    groupReady &= !e.Message.StartsWith("NOGROUP", StringComparison.Ordinal);
                }

                if (delay > TimeSpan.Zero)
                {
                    // Never sleep through a reclaim round: keep-alives must beat the claim idle time.
                    var untilClaim = nextClaim - _timeProvider.GetUtcNow();
                    var sleep = untilClaim < delay ? untilClaim : delay;
                    if (sleep > TimeSpan.Zero && await _wakeup.SleepAsync(sleep, wake, cancellationToken))
                    {
                        delay = TimeSpan.Zero;
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown: running handlers see the same token; their entries stay pending for whoever comes next.
        }

        await _wakeup.UnsubscribeAsync();
        await WhenIdleAsync();
    }

    /// <summary>One XREADGROUP of new entries (as many as there are free slots); starts their handlers and returns how many.</summary>
    public async Task<int> ReadNewAsync(CancellationToken cancellationToken)
    {
        var count = Math.Min(_options.BatchSize, _slots.CurrentCount);
        if (count == 0)
        {
            return 0;
        }

        var entries = await Database.StreamReadGroupAsync(_options.StreamName, _options.GroupName, _options.ConsumerName, StreamPosition.NewMessages, count);
        foreach (var entry in entries)
        {
            Start(entry, deliveryCount: 1, cancellationToken);
        }

        return entries.Length;
    }

    /// <summary>One XAUTOCLAIM round over entries idle longer than the claim idle time; starts their handlers (or dead-letters them).</summary>
    public async Task<int> ReclaimAsync(CancellationToken cancellationToken)
    {
        var count = Math.Min(_options.BatchSize, _slots.CurrentCount);
        if (count == 0)
        {
            return 0;
        }

        var result = await Database.StreamAutoClaimAsync(
            _options.StreamName, _options.GroupName, _options.ConsumerName,
            (long)_options.ClaimIdleTime.TotalMilliseconds, _claimCursor, count);
        _claimCursor = result.NextStartId;

        var claimed = result.ClaimedEntries.Where(e => !e.IsNull && !_inFlight.ContainsKey(e.Id!)).ToArray();
        if (claimed.Length == 0)
        {
            return 0;
        }

        // XAUTOCLAIM does not say how often an entry was delivered; XPENDING over the claimed range does.
        var pending = await Database.StreamPendingMessagesAsync(
            _options.StreamName, _options.GroupName, claimed.Length + _inFlight.Count, _options.ConsumerName,
            claimed[0].Id, claimed[^1].Id);
        var deliveries = pending.ToDictionary(p => (string)p.MessageId!, p => p.DeliveryCount, StringComparer.Ordinal);

        var started = 0;
        foreach (var entry in claimed)
        {
            var deliveryCount = deliveries.GetValueOrDefault((string)entry.Id!, _options.MaxAttempts + 1);
            if (deliveryCount > _options.MaxAttempts)
            {
                var lastError = await Database.HashGetAsync(_options.ErrorsKey, entry.Id);
                await DeadLetterAsync(entry, lastError.IsNullOrEmpty ? "not acked after repeated deliveries (consumer crashed or hung?)" : lastError!, deliveryCount - 1, cancellationToken);
                continue;
            }

            Start(entry, deliveryCount, cancellationToken);
            started++;
        }

        StreamConsumerMetrics.Reclaim(_options, claimed.Length);
        return started;
    }

    /// <summary>Completes when no handler is running.</summary>
    public async Task WhenIdleAsync()
    {
        while (!_inFlight.IsEmpty)
        {
            await Task.WhenAll(_inFlight.Values.Select(e => e.Completion));
        }
    }

    /// <summary>Re-claims this consumer's long-running entries so that their idle time restarts and nobody else takes them.</summary>
    private async Task KeepAliveAsync()
    {
        var now = _timeProvider.GetUtcNow();
        var stale = _inFlight.Values.Where(e => now - e.LastTouched > _options.ClaimIdleTime / 2).ToArray();
        if (stale.Length == 0)
        {
            return;
        }

        await Database.StreamClaimIdsOnlyAsync(_options.StreamName, _options.GroupName, _options.ConsumerName, 0, stale.Select(e => (RedisValue)e.Id).ToArray());
        foreach (var entry in stale)
        {
            entry.LastTouched = now;
        }
    }

    private void Start(StreamEntry entry, long deliveryCount, CancellationToken cancellationToken)
    {
        if (!_slots.Wait(0, CancellationToken.None))
        {
            // Cannot happen: reads never ask for more than the free slots. Leave it pending rather than overrun.
            return;
        }

        var inFlight = new InFlightEntry(entry.Id!, _timeProvider.GetUtcNow());
        _inFlight[inFlight.Id] = inFlight;
        inFlight.Completion = ProcessAsync(entry, deliveryCount, inFlight, cancellationToken);
    }

    private async Task ProcessAsync(StreamEntry entry, long deliveryCount, InFlightEntry inFlight, CancellationToken cancellationToken)
    {
        var entryId = inFlight.Id;
        using var activity = ActivitySource.StartActivity(
            $"{_options.StreamName} process",
            ActivityKind.Consumer,
            entry.GetParentContext() ?? default);
        activity?.SetTag("messaging.system", "redis");
        activity?.SetTag("messaging.destination.name", _options.StreamName);
        activity?.SetTag("messaging.consumer.group.name", _options.GroupName);
        activity?.SetTag("messaging.message.id", entryId);
        activity?.SetTag("messaging.redis.delivery_count", deliveryCount);

        var started = Stopwatch.GetTimestamp();
        try
        {
            await _handler(entry, cancellationToken);
            await AckAsync(entry.Id);
            StreamConsumerMetrics.Outcome(_options, StreamConsumerMetrics.Acked, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            // Shutdown while handling: not acked, so another consumer reclaims it.
        }
        catch (StreamEntryDeferredException e)
        {
            StreamConsumerMetrics.Outcome(_options, StreamConsumerMetrics.Deferred);
            LogDeferred(_logger, _options.StreamName, entryId, e.Message);
        }
        catch (Exception e)
        {
            StreamConsumerMetrics.Outcome(_options, StreamConsumerMetrics.Failed, Stopwatch.GetElapsedTime(started).TotalMilliseconds);
            activity?.SetStatus(ActivityStatusCode.Error, e.Message);
            LogHandlerFailed(_logger, e, _options.StreamName, entryId, deliveryCount, _options.MaxAttempts);
            try
            {
                if (deliveryCount >= _options.MaxAttempts)
                {
                    await DeadLetterAsync(entry, $"{e.GetType().Name}: {e.Message}", deliveryCount, cancellationToken);
                }
                else
                {
                    await Database.HashSetAsync(_options.ErrorsKey, entry.Id, $"{e.GetType().Name}: {e.Message}");
                }
            }
            catch (Exception redisError) when (RedisFailure.IsTransient(redisError))
            {
                LogRedisError(_logger, redisError, _options.StreamName);
            }
        }
        finally
        {
            _inFlight.TryRemove(inFlight.Id, out _);
            _slots.Release();
        }
    }

    private async Task AckAsync(RedisValue id)
    {
        var batch = Database.CreateBatch();
        var ack = batch.StreamAcknowledgeAsync(_options.StreamName, _options.GroupName, id);
        var forget = batch.HashDeleteAsync(_options.ErrorsKey, id);
        batch.Execute();
        await Task.WhenAll(ack, forget);
    }

    private async Task DeadLetterAsync(StreamEntry entry, string error, long attempts, CancellationToken cancellationToken)
    {
        if (_onDeadLetter is not null)
        {
            // The owner's last word (the worker hands the customer to a person); its failure must
            // not keep the entry cycling, so it is logged and the entry is dead-lettered anyway.
            try
            {
                await _onDeadLetter(entry, error, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                // Shutdown: left pending, so the next consumer dead-letters it, handler included.
                return;
            }
            catch (Exception e)
            {
                LogDeadLetterHandlerFailed(_logger, e, _options.StreamName, (string?)entry.Id);
            }
        }

        var fields = entry.Values
            .Append(new NameValueEntry("dead.stream", _options.StreamName))
            .Append(new NameValueEntry("dead.group", _options.GroupName))
            .Append(new NameValueEntry("dead.id", entry.Id))
            .Append(new NameValueEntry("dead.error", error))
            .Append(new NameValueEntry("dead.attempts", attempts.ToString(CultureInfo.InvariantCulture)))
            .Append(new NameValueEntry("dead.at", _timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)))
            .ToArray();

        // One transaction: the copy exists exactly when the original is acked.
        var transaction = Database.CreateTransaction();
        _ = transaction.StreamAddAsync(_options.EffectiveDeadLetterStream, fields);
        _ = transaction.StreamAcknowledgeAsync(_options.StreamName, _options.GroupName, entry.Id);
        _ = transaction.HashDeleteAsync(_options.ErrorsKey, entry.Id);
        await transaction.ExecuteAsync();
        StreamConsumerMetrics.Outcome(_options, StreamConsumerMetrics.DeadLettered);
        var entryId = (string?)entry.Id;
        LogDeadLettered(_logger, _options.StreamName, entryId, attempts, _options.EffectiveDeadLetterStream, error);
    }

    private sealed class InFlightEntry(string id, DateTimeOffset started)
    {
        public string Id { get; } = id;

        public DateTimeOffset LastTouched { get; set; } = started;

        public Task Completion { get; set; } = Task.CompletedTask;
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis error while consuming {Stream}; retrying")]
    private static partial void LogRedisError(ILogger logger, Exception exception, string stream);

    [LoggerMessage(Level = LogLevel.Debug, Message = "Entry {Stream}/{EntryId} deferred: {Reason}")]
    private static partial void LogDeferred(ILogger logger, string stream, string? entryId, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Handler failed for {Stream}/{EntryId} (delivery {Delivery} of {MaxAttempts})")]
    private static partial void LogHandlerFailed(ILogger logger, Exception exception, string stream, string? entryId, long delivery, int maxAttempts);

    [LoggerMessage(Level = LogLevel.Error, Message = "The dead-letter handler failed for {Stream}/{EntryId}; dead-lettering it anyway")]
    private static partial void LogDeadLetterHandlerFailed(ILogger logger, Exception exception, string stream, string? entryId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Entry {Stream}/{EntryId} dead-lettered after {Attempts} deliveries to {DeadLetterStream}: {Error}")]
    private static partial void LogDeadLettered(ILogger logger, string stream, string? entryId, long attempts, string deadLetterStream, string error);
}
