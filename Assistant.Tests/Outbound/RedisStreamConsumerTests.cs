using System.Collections.Concurrent;
using System.Diagnostics;
using Assistant.Core.Streams;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace Assistant.Tests.Outbound;

public sealed class RedisStreamConsumerTests : IAsyncLifetime
{
    private const string Stream = "test:stream";
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync().Within();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    private static StreamConsumerOptions Options(string consumer = "c1", int maxAttempts = 3) => new()
    {
        StreamName = Stream,
        GroupName = "g",
        ConsumerName = consumer,
        ClaimIdleTime = TimeSpan.FromMilliseconds(200),
        ClaimInterval = TimeSpan.FromMilliseconds(50),
        MaxAttempts = maxAttempts,
        MaxInFlight = 8,
    };

    private RedisStreamConsumer Consumer(StreamConsumerOptions options, Func<StreamEntry, CancellationToken, Task> handler) =>
        new(_redis.Connection, options, handler, NullLogger.Instance);

    [Fact]
    public async Task Creating_the_group_twice_is_harmless_and_keeps_its_position()
    {
        var consumer = Consumer(Options(), (_, _) => Task.CompletedTask);
        await consumer.EnsureGroupAsync().Within();
        await _redis.Database.StreamAddAsync(Stream, "k", "v").Within();
        await consumer.ReadNewAsync(CancellationToken.None).Within();
        await consumer.WhenIdleAsync().Within();

        await consumer.EnsureGroupAsync().Within();
        await Consumer(Options("c2"), (_, _) => Task.CompletedTask).EnsureGroupAsync().Within();

        var groups = await _redis.Database.StreamGroupInfoAsync(Stream).Within();
        var group = Assert.Single(groups);
        Assert.Equal(0, group.PendingMessageCount);
        Assert.Equal(0, await consumer.ReadNewAsync(CancellationToken.None).Within());
    }

    [Fact]
    public async Task Entries_are_acked_only_after_the_handler_succeeded()
    {
        var release = new TaskCompletionSource();
        var consumer = Consumer(Options(), async (_, _) => await release.Task);
        await consumer.EnsureGroupAsync().Within();
        await _redis.Database.StreamAddAsync(Stream, "k", "v").Within();

        Assert.Equal(1, await consumer.ReadNewAsync(CancellationToken.None).Within());
        Assert.Equal(1, (await _redis.Database.StreamPendingAsync(Stream, "g").Within()).PendingMessageCount);

        release.SetResult();
        await consumer.WhenIdleAsync().Within();
        Assert.Equal(0, (await _redis.Database.StreamPendingAsync(Stream, "g").Within()).PendingMessageCount);
    }

    [Fact]
    public async Task A_failed_entry_is_reclaimed_after_the_idle_time_and_handled_again()
    {
        var calls = 0;
        var consumer = Consumer(Options(), (_, _) => ++calls == 1 ? throw new InvalidOperationException("first try fails") : Task.CompletedTask);
        using var stop = new CancellationTokenSource();
        var run = consumer.RunAsync(stop.Token);
        await _redis.Database.StreamAddAsync(Stream, "k", "v").Within();

        await SenderHarness.EventuallyAsync(async () => calls == 2 && (await _redis.Database.StreamPendingAsync(Stream, "g")).PendingMessageCount == 0, "reclaim and ack");
        await stop.CancelAsync();
        await run.Within();
        Assert.Equal(2, calls);
    }

    [Fact]
    public async Task Entries_of_a_dead_consumer_are_taken_over_by_another_with_xautoclaim()
    {
        var first = Consumer(Options("dead"), (_, token) => Task.Delay(Timeout.Infinite, token));
        await first.EnsureGroupAsync().Within();
        await _redis.Database.StreamAddAsync(Stream, "k", "v").Within();
        await first.ReadNewAsync(CancellationToken.None).Within();

        var handledBy = new ConcurrentBag<string>();
        var second = Consumer(Options("alive"), (e, _) => { handledBy.Add((string)e["k"]!); return Task.CompletedTask; });
        Assert.Equal(0, await second.ReclaimAsync(CancellationToken.None).Within());
        await Task.Delay(300);
        Assert.Equal(1, await second.ReclaimAsync(CancellationToken.None).Within());
        await second.WhenIdleAsync().Within();

        Assert.Equal(["v"], handledBy);
        Assert.Equal(0, (await _redis.Database.StreamPendingAsync(Stream, "g").Within()).PendingMessageCount);
    }

    [Fact]
    public async Task An_entry_failing_every_time_is_dead_lettered_with_the_error_after_max_attempts()
    {
        var calls = 0;
        var consumer = Consumer(Options(maxAttempts: 3), (_, _) => { Interlocked.Increment(ref calls); throw new InvalidOperationException("boom"); });
        using var stop = new CancellationTokenSource();
        var run = consumer.RunAsync(stop.Token);
        await _redis.Database.StreamAddAsync(Stream, "payload", "p1").Within();

        await SenderHarness.EventuallyAsync(async () => await _redis.Database.StreamLengthAsync(Stream + ":dead") == 1, "dead letter");
        await stop.CancelAsync();
        await run.Within();

        var dead = Assert.Single(await _redis.Database.StreamRangeAsync(Stream + ":dead").Within());
        Assert.Equal("p1", (string?)dead["payload"]);
        Assert.Equal("InvalidOperationException: boom", (string?)dead["dead.error"]);
        Assert.Equal("3", (string?)dead["dead.attempts"]);
        Assert.Equal(3, calls);
        Assert.Equal(0, (await _redis.Database.StreamPendingAsync(Stream, "g").Within()).PendingMessageCount);
        Assert.False(await _redis.Database.KeyExistsAsync($"{Stream}:g:errors").Within());
    }

    [Fact]
    public async Task The_owner_has_a_last_word_before_an_entry_is_dead_lettered_and_its_failure_does_not_keep_the_entry_cycling()
    {
        var lastWords = new List<(string Payload, string Error, long DeadBefore)>();
        var consumer = new RedisStreamConsumer(_redis.Connection, Options(maxAttempts: 2),
            (_, _) => throw new InvalidOperationException("boom"),
            NullLogger.Instance,
            onDeadLetter: (entry, error, _) =>
            {
                // The entry is not in the dead-letter stream yet when the owner is told.
                var deadBefore = _redis.Database.StreamLength(Stream + ":dead");
                lock (lastWords)
                {
                    lastWords.Add(((string)entry["payload"]!, error, deadBefore));
                }
                throw new InvalidOperationException("the last word failed too");
            });
        using var stop = new CancellationTokenSource();
        var run = consumer.RunAsync(stop.Token);
        await _redis.Database.StreamAddAsync(Stream, "payload", "p1").Within();

        await SenderHarness.EventuallyAsync(async () => await _redis.Database.StreamLengthAsync(Stream + ":dead") == 1, "dead letter");
        await stop.CancelAsync();
        await run.Within();

        Assert.Equal([("p1", "InvalidOperationException: boom", 0L)], lastWords);
        Assert.Equal(0, (await _redis.Database.StreamPendingAsync(Stream, "g").Within()).PendingMessageCount);
    }

    [Fact]
    public async Task Redis_timing_out_does_not_stop_the_consumer_and_it_reads_again_afterwards()
    {
        // A client that gives up on a command after 300 ms, and a server that answers nobody for 1.5 s:
        // every read meanwhile ends in a RedisTimeoutException, which is not a RedisException.
        await using var impatient = await ConnectionMultiplexer.ConnectAsync($"{_redis.ConnectionString},asyncTimeout=300,syncTimeout=300").Within();
        var handled = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        var options = Options();
        options.MaxPollDelay = TimeSpan.FromMilliseconds(50);
        var consumer = new RedisStreamConsumer(impatient, options, (entry, _) =>
        {
            handled.TrySetResult((string)entry["k"]!);
            return Task.CompletedTask;
        }, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var run = consumer.RunAsync(stop.Token);
        await consumer.EnsureGroupAsync().Within();

        await _redis.Database.ExecuteAsync("CLIENT", "PAUSE", "1500", "ALL").Within();
        await Task.Delay(2000);
        Assert.False(run.IsCompleted, run.Exception?.ToString() ?? "the consumer stopped");

        await _redis.Database.StreamAddAsync(Stream, "k", "after the pause").Within();
        Assert.Equal("after the pause", await handled.Task.Within());
        await stop.CancelAsync();
        await run.Within();
    }

    [Fact]
    public async Task The_consumer_counts_what_became_of_its_entries()
    {
        // The meter is shared by every consumer in the process: this test's stream name tells its measurements apart.
        var stream = $"test:metrics:{Guid.NewGuid():N}";
        var outcomes = new List<string>();
        var reclaimed = 0L;
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == RedisStreamConsumer.ActivitySourceName)
            {
                l.EnableMeasurementEvents(instrument);
            }
        };
        listener.SetMeasurementEventCallback<long>((instrument, value, tags, _) =>
        {
            var tagged = tags.ToArray();
            if (!tagged.Any(t => t.Key == "messaging.destination.name" && (string?)t.Value == stream))
            {
                return;
            }
            lock (outcomes)
            {
                if (instrument.Name == "assistant.streams.entries")
                {
                    outcomes.Add((string)tagged.Single(t => t.Key == "outcome").Value!);
                }
                else if (instrument.Name == "assistant.streams.reclaimed")
                {
                    reclaimed += value;
                }
            }
        });
        listener.Start();

        var options = Options(maxAttempts: 2);
        options.StreamName = stream;
        var consumer = Consumer(options, (entry, _) => (string?)entry["k"] == "bad" ? throw new InvalidOperationException("boom") : Task.CompletedTask);
        using var stop = new CancellationTokenSource();
        var run = consumer.RunAsync(stop.Token);
        await _redis.Database.StreamAddAsync(stream, "k", "good").Within();
        await _redis.Database.StreamAddAsync(stream, "k", "bad").Within();

        await SenderHarness.EventuallyAsync(async () => await _redis.Database.StreamLengthAsync(stream + ":dead") == 1, "dead letter");
        await stop.CancelAsync();
        await run.Within();

        lock (outcomes)
        {
            Assert.Equal(["acked", "dead_lettered", "failed", "failed"], outcomes.Order(StringComparer.Ordinal));
            Assert.Equal(1, reclaimed);
        }
    }

    [Fact]
    public async Task An_entry_whose_consumers_keep_crashing_is_dead_lettered_without_another_try()
    {
        var options = Options("crashy", maxAttempts: 2);
        await Consumer(options, (_, _) => Task.CompletedTask).EnsureGroupAsync().Within();
        await _redis.Database.StreamAddAsync(Stream, "k", "v").Within();
        // Two deliveries that never ended (crashes): the first read and one reclaim.
        await _redis.Database.StreamReadGroupAsync(Stream, "g", "crash-1", StreamPosition.NewMessages, 1).Within();
        await Task.Delay(250);
        await _redis.Database.StreamAutoClaimAsync(Stream, "g", "crash-2", 200, "0-0", 1).Within();
        await Task.Delay(250);

        var calls = 0;
        var survivor = Consumer(Options("survivor", maxAttempts: 2), (_, _) => { calls++; return Task.CompletedTask; });
        await survivor.ReclaimAsync(CancellationToken.None).Within();

        Assert.Equal(0, calls);
        var dead = Assert.Single(await _redis.Database.StreamRangeAsync(Stream + ":dead").Within());
        Assert.Contains("not acked", (string?)dead["dead.error"]);
    }

    [Fact]
    public async Task A_long_running_handler_keeps_its_entry_from_being_reclaimed()
    {
        var release = new TaskCompletionSource();
        var calls = 0;
        var slow = Consumer(Options("slow"), async (_, _) => { Interlocked.Increment(ref calls); await release.Task; });
        using var stop = new CancellationTokenSource();
        var run = slow.RunAsync(stop.Token);
        await _redis.Database.StreamAddAsync(Stream, "k", "v").Within();
        await SenderHarness.EventuallyAsync(() => calls == 1, "first delivery");

        var other = Consumer(Options("other"), (_, _) => { Interlocked.Increment(ref calls); return Task.CompletedTask; });
        for (var i = 0; i < 6; i++)
        {
            await Task.Delay(100);
            await other.ReclaimAsync(CancellationToken.None).Within();
        }

        release.SetResult();
        await stop.CancelAsync();
        await run.Within();
        Assert.Equal(1, calls);
    }

    [Fact]
    public async Task The_handling_span_continues_the_trace_of_the_entry()
    {
        var traceId = ActivityTraceId.CreateRandom();
        var parentSpan = ActivitySpanId.CreateRandom();
        ActivityContext? seen = null;
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name == RedisStreamConsumer.ActivitySourceName,
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        string? parentId = null;
        var consumer = Consumer(Options(), (_, _) => { seen = Activity.Current?.Context; parentId = Activity.Current?.ParentSpanId.ToHexString(); return Task.CompletedTask; });
        await consumer.EnsureGroupAsync().Within();
        await _redis.Database.StreamAddAsync(Stream, [new("k", "v"), new("traceparent", $"00-{traceId}-{parentSpan}-01")]).Within();

        await consumer.ReadNewAsync(CancellationToken.None).Within();
        await consumer.WhenIdleAsync().Within();

        Assert.Equal(traceId, seen?.TraceId);
        Assert.Equal(parentSpan.ToHexString(), parentId);
    }
}
