using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Inbound;
using Assistant.Core.WhatsApp.Outbound;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Assistant.Tests.Streams;

/// <summary>
/// The first message after a quiet spell must not wait for a poll: producers nudge the stream's
/// consumers, once per write and never for a duplicate.
/// </summary>
public sealed class StreamWakeupTests : IAsyncLifetime
{
    private RedisServer _redis = null!;

    public async Task InitializeAsync() => _redis = await RedisServer.StartAsync().Within();

    public async Task DisposeAsync() => await _redis.DisposeAsync();

    [Fact]
    public async Task An_idle_consumer_reads_a_new_entry_at_once_when_the_producer_nudges_it()
    {
        const string stream = "test:wake";
        var handled = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        // Polls 30 s apart: only the nudge can bring the entry in within the test's few seconds.
        var options = new StreamConsumerOptions
        {
            StreamName = stream,
            GroupName = "g",
            ConsumerName = "idle",
            MinPollDelay = TimeSpan.FromSeconds(30),
            MaxPollDelay = TimeSpan.FromSeconds(30),
            ClaimInterval = TimeSpan.FromSeconds(30),
            ClaimIdleTime = TimeSpan.FromSeconds(60),
        };
        var consumer = new RedisStreamConsumer(_redis.Connection, options, (entry, _) =>
        {
            handled.TrySetResult(entry["text"].ToString());
            return Task.CompletedTask;
        }, NullLogger.Instance);
        using var stop = new CancellationTokenSource();
        var run = consumer.RunAsync(stop.Token);

        // Idle: subscribed, and its first read found nothing (this test's Redis serves no one else).
        await Outbound.SenderHarness.EventuallyAsync(async () => await SubscribersAsync(StreamWakeup.ChannelName(stream)) == 1
            && await CallsAsync("xreadgroup") >= 1, "the consumer is idle");

        await _redis.Database.AddAndWakeAsync(stream, [new NameValueEntry("text", "ciao")]).Within();

        Assert.Equal("ciao", await handled.Task.Within(TimeSpan.FromSeconds(5)));
        await stop.CancelAsync();
        await run.Within();
        Assert.Equal(0, await SubscribersAsync(StreamWakeup.ChannelName(stream)));
    }

    [Fact]
    public async Task The_webhook_nudges_each_stream_it_wrote_to_once_and_a_redelivered_body_nudges_nobody()
    {
        var inbound = await _redis.Connection.GetSubscriber().SubscribeAsync(StreamWakeup.Channel(StreamNames.Inbound)).Within();
        var statuses = await _redis.Connection.GetSubscriber().SubscribeAsync(StreamWakeup.Channel(StreamNames.Statuses)).Within();
        var queue = new InboundEventQueue(_redis.Connection);
        QueuedEvent[] body = [QueuedEvent.ForMessage(Message("wamid.a")), QueuedEvent.ForMessage(Message("wamid.b")), QueuedEvent.ForStatus(Status("wamid.out"))];

        Assert.Equal(3, (await queue.EnqueueAsync(body, null).Within()).Added);
        Assert.Equal(0, (await queue.EnqueueAsync(body, null).Within()).Added);
        await MarkEndAsync(StreamNames.Inbound);
        await MarkEndAsync(StreamNames.Statuses);

        // Messages on one subscription arrive in order: everything before the end mark is what the queue published.
        Assert.Equal(1, await CountUntilEndAsync(inbound));
        Assert.Equal(1, await CountUntilEndAsync(statuses));
    }

    [Fact]
    public async Task The_outbound_queue_nudges_the_sender_for_a_new_reply_and_not_for_a_repeated_one()
    {
        var nudges = await _redis.Connection.GetSubscriber().SubscribeAsync(StreamWakeup.Channel(StreamNames.Outbound)).Within();
        var queue = new OutboundQueue(_redis.Connection, new OutboundRecordStore(_redis.Connection, TimeProvider.System), Options.Create(new OutboundOptions()), TimeProvider.System);
        var reply = OutboundMessage.TextReply("b1", "100", "b1:393331234567", "393331234567", null, "Buongiorno!");

        Assert.Single(await queue.EnqueueAsync(reply).Within());
        Assert.Empty(await queue.EnqueueAsync(reply).Within());
        await MarkEndAsync(StreamNames.Outbound);

        Assert.Equal(1, await CountUntilEndAsync(nudges));
    }

    private const string EndMark = "end";

    private Task MarkEndAsync(string stream) => _redis.Database.PublishAsync(StreamWakeup.Channel(stream), EndMark).Within();

    private static async Task<int> CountUntilEndAsync(ChannelMessageQueue queue)
    {
        var count = 0;
        while ((await queue.ReadAsync().AsTask().Within()).Message != EndMark)
        {
            count++;
        }
        return count;
    }

    private async Task<long> CallsAsync(string command)
    {
        var stats = (string)(await _redis.Database.ExecuteAsync("INFO", "commandstats").Within())!;
        var prefix = $"cmdstat_{command}:calls=";
        var line = stats.Split('\n').FirstOrDefault(l => l.StartsWith(prefix, StringComparison.Ordinal));
        return line is null ? 0 : long.Parse(line[prefix.Length..].Split(',')[0], System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task<long> SubscribersAsync(string channel)
    {
        var result = await _redis.Database.ExecuteAsync("PUBSUB", "NUMSUB", channel).Within();
        return (long)((RedisResult[])result!)[1];
    }

    private static InboundMessage Message(string id) => new()
    {
        Id = id,
        BusinessId = "b1",
        PhoneNumberId = "100",
        Contact = new ContactIdentity { WaId = "393331234567" },
        Type = InboundMessageType.Text,
        Text = "ciao",
        Timestamp = DateTimeOffset.UtcNow,
        ReceivedAt = DateTimeOffset.UtcNow,
    };

    private static DeliveryStatus Status(string id) => new()
    {
        Id = id,
        PhoneNumberId = "100",
        Status = DeliveryState.Delivered,
        RawStatus = "delivered",
        RecipientId = "393331234567",
        Timestamp = DateTimeOffset.UtcNow,
        ReceivedAt = DateTimeOffset.UtcNow,
    };
}
