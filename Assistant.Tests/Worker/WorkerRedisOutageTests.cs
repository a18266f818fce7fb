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

            await new QueuedCustomer(redis.Connection, "393470000001").SendAsync("Buongiorno!");
            await new QueuedCustomer(redis.Connection, "393470000001").WaitForRepliesAsync(1, TimeSpan.FromSeconds(30));
            // The append-only file is flushed every second: let the group and the reply reach it.
            await Task.Delay(1500);

            await redis.StopAsync().Within();
            // Longer than a Redis command's timeout (5 s): commands queued during the outage time out.
            await Task.Delay(5000);
            restarted = await redis.RestartAsync().Within(TestTimeouts.Startup);

            var customer = new QueuedCustomer(restarted.Connection, "393470000002");
            await customer.SendAsync("Buonasera, salve");
            Assert.Single(await customer.WaitForRepliesAsync(1, TimeSpan.FromSeconds(30)));
            await Outbound.SenderHarness.EventuallyAsync(async () => (await restarted.Database.StreamPendingAsync(StreamNames.Inbound, "worker")).PendingMessageCount == 0, "nothing left pending");
            await Task.Delay(1000);
            Assert.Single(await customer.RepliesAsync());
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

    [Fact]
    public async Task After_redis_timed_out_for_a_while_the_running_worker_answers_again()
    {
        await using var redis = await RedisServer.StartAsync().Within(TestTimeouts.Startup);
        await using var worker = new WorkerTestHost(redis.ConnectionString);
        await worker.StartAsync().Within(TestTimeouts.Startup);

        // Nobody gets an answer for 7 s: every command the worker sends meanwhile times out (5 s).
        await redis.Database.ExecuteAsync("CLIENT", "PAUSE", "7000", "ALL").Within();
        await Task.Delay(TimeSpan.FromSeconds(8));

        var customer = new QueuedCustomer(redis.Connection, "393470000003");
        await customer.SendAsync("Buongiorno!");
        Assert.Single(await customer.WaitForRepliesAsync(1, TimeSpan.FromSeconds(30)));
    }
}
