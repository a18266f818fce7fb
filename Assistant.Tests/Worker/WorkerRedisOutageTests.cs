using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Inbound;
using Assistant.Core.WhatsApp.Outbound;
using Assistant.Tests.Infrastructure;
using StackExchange.Redis;

namespace Assistant.Tests.Worker;

/// <summary>
/// Redis goes away under a running worker and comes back: the worker is not left deaf. Messages
/// queued after the restart are answered, once, without restarting the worker.
/// </summary>
public sealed class WorkerRedisOutageTests
{
    [Fact]
    public async Task After_a_redis_restart_the_running_worker_answers_again()
    {
        var redis = await RedisServer.StartAsync().Within(TestTimeouts.Startup);
        RedisServer? restarted = null;
        try
        {
            await using var worker = new WorkerTestHost(redis.ConnectionString);
            await worker.StartAsync().Within(TestTimeouts.Startup);

            await EnqueueAsync(redis.Connection, "393470000001", "Buongiorno!");
            await WaitForTextRepliesAsync(redis.Connection, "393470000001", 1);
            // The append-only file is flushed every second: let the group and the reply reach it.
            await Task.Delay(1500);

            await redis.StopAsync().Within();
            // Longer than a Redis command's timeout (5 s): commands queued during the outage time out.
            await Task.Delay(5000);
            restarted = await redis.RestartAsync().Within(TestTimeouts.Startup);

            await EnqueueAsync(restarted.Connection, "393470000002", "Buonasera, salve");
            var replies = await WaitForTextRepliesAsync(restarted.Connection, "393470000002", 1);
            Assert.Single(replies);
            await Outbound.SenderHarness.EventuallyAsync(async () => (await restarted.Database.StreamPendingAsync(StreamNames.Inbound, "worker")).PendingMessageCount == 0, "nothing left pending");
            await Task.Delay(1000);
            Assert.Single(await WaitForTextRepliesAsync(restarted.Connection, "393470000002", 1));
        }
        finally
        {
            if (restarted is not null)
            {
                await restarted.DisposeAsync();
            }
            await redis.DisposeAsync();
        }
    }

    private static async Task<List<string>> WaitForTextRepliesAsync(IConnectionMultiplexer redis, string phone, int count)
    {
        var outbox = new SandboxOutbox(redis, TimeProvider.System);
        var conversation = $"{SimulatedCustomer.BusinessId}:{phone}";
        List<string> replies = [];
        await Outbound.SenderHarness.EventuallyAsync(async () =>
        {
            replies = (await outbox.ReadAsync(SimulatedCustomer.BusinessId, conversation))
                .Where(d => d.Message.Kind == OutboundKind.Text).Select(d => d.Message.Text!.Body).ToList();
            return replies.Count >= count;
        }, $"{count} reply to {phone}", TimeSpan.FromSeconds(30));
        return replies;
    }

    private static async Task EnqueueAsync(IConnectionMultiplexer redis, string phone, string text)
    {
        var message = new InboundMessage
        {
            Id = $"wamid.outage.{Guid.NewGuid():N}",
            BusinessId = SimulatedCustomer.BusinessId,
            PhoneNumberId = SimulatedCustomer.PhoneNumberId,
            Contact = new ContactIdentity { WaId = phone, Name = "Luca" },
            Type = InboundMessageType.Text,
            Text = text,
            Timestamp = DateTimeOffset.UtcNow,
            ReceivedAt = DateTimeOffset.UtcNow,
        };
        await new InboundEventQueue(redis).EnqueueAsync([QueuedEvent.ForMessage(message)], null).Within();
    }
}
