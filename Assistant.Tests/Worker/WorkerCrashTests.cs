using Assistant.Core.Businesses;
using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Inbound;
using Assistant.Core.WhatsApp.Outbound;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Assistant.Tests.Worker;

/// <summary>A worker that dies in the middle of a message loses nothing, and the customer is answered once.</summary>
public sealed class WorkerCrashTests
{
    [Fact]
    public async Task A_worker_killed_after_queuing_the_reply_but_before_the_ack_leaves_one_reply()
    {
        await using var redis = await RedisServer.StartAsync();
        var customer = new QueuedCustomer(redis.Connection, "393479876543");
        var repliedOnce = new TaskCompletionSource();

        // Worker A queues the reply, then hangs until it is killed: the entry is never acknowledged.
        var first = new WorkerTestHost(redis.ConnectionString, services =>
            services.Decorate<IOutboundQueue>(inner => new HangAfterReplyQueue(inner, repliedOnce)));
        await first.StartAsync().Within(TestTimeouts.Startup);
        await customer.SendAsync("Buongiorno, che orari fate il sabato?");
        await repliedOnce.Task.Within(TimeSpan.FromSeconds(30));
        await first.DisposeAsync();

        // Worker B takes the abandoned entry over and finishes the turn.
        await using var second = new WorkerTestHost(redis.ConnectionString);
        await second.StartAsync().Within(TestTimeouts.Startup);
        await WaitUntilAsync(async () => (await redis.Database.StreamPendingAsync(StreamNames.Inbound, "worker")).PendingMessageCount == 0
            && !await redis.Database.KeyExistsAsync(ConversationSequence.Key(customer.ConversationKey)));
        await customer.WaitForRepliesAsync(1, TimeSpan.FromSeconds(30));
        await Task.Delay(2000);

        var reply = Assert.Single(await customer.RepliesAsync());
        Assert.Contains("9:00", reply, StringComparison.Ordinal);
        Assert.Equal(0, await redis.Database.StreamLengthAsync(StreamNames.InboundDeadLetter).Within());
    }

    private static async Task WaitUntilAsync(Func<Task<bool>> condition)
    {
        for (var i = 0; i < 300; i++)
        {
            if (await condition().Within())
            {
                return;
            }
            await Task.Delay(100);
        }
        Assert.Fail("Condition not reached in 30 s.");
    }

    /// <summary>Queues like the real queue, then never returns for a reply: the worker "dies" right there.</summary>
    private sealed class HangAfterReplyQueue(IOutboundQueue inner, TaskCompletionSource replied) : IOutboundQueue
    {
        public async Task<IReadOnlyList<string>> EnqueueAsync(OutboundMessage message, CancellationToken cancellationToken = default)
        {
            var queued = await inner.EnqueueAsync(message, cancellationToken);
            if (message.Kind == OutboundKind.Text)
            {
                replied.TrySetResult();
                await Task.Delay(Timeout.Infinite, cancellationToken);
            }
            return queued;
        }
    }
}
