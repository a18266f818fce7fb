using Assistant.Core.Businesses;
using Assistant.Core.Conversations;
using Assistant.Core.Replies;
using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Inbound;
using Assistant.Core.WhatsApp.Outbound;
using Assistant.Tests.Infrastructure;
using Assistant.Worker.Inbound;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Assistant.Tests.Worker;

/// <summary>
/// A message the worker fails on at every attempt goes to the dead-letter stream, but the customer
/// is not left waiting: a person takes the conversation and the customer is told so, once.
/// </summary>
public sealed class GivingUpTests
{
    [Fact]
    public async Task A_message_that_fails_at_every_attempt_goes_to_a_person_and_the_customer_is_told_once()
    {
        await using var redis = await RedisServer.StartAsync();
        var customer = new QueuedCustomer(redis.Connection, "393471112223", "Marta");
        // Queuing the turn's answer fails at both attempts (as when a dependency keeps breaking); the
        // last resort's message then goes through.
        var queue = default(FailingRepliesQueue);
        await using var worker = new WorkerTestHost(redis.ConnectionString, services =>
        {
            services.Configure<InboundOptions>(o => o.MaxAttempts = 2);
            services.Decorate<IOutboundQueue>(inner => queue = new FailingRepliesQueue(inner, failures: 2));
        });
        await worker.StartAsync().Within(TestTimeouts.Startup);

        await customer.SendAsync("Buongiorno!");

        await customer.WaitForRepliesAsync(1, TimeSpan.FromSeconds(40));
        await Outbound.SenderHarness.EventuallyAsync(async () => (await redis.Database.StreamPendingAsync(StreamNames.Inbound, InboundConsumerService.GroupName)).PendingMessageCount == 0, "the entry is settled");
        await Task.Delay(1500);

        var pack = BusinessPackLoader.Load(Path.Combine(AppHost.AppHostArguments.RepositoryRoot, "packs", SimulatedCustomer.BusinessId));
        Assert.Equal([ReplyTemplates.Render(ReplyKeys.HandoffGeneric, "it", pack)], await customer.RepliesAsync());
        // Two attempts at the turn, then the last resort.
        Assert.Equal(3, queue!.Texts);

        var dead = Assert.Single(await redis.Database.StreamRangeAsync(StreamNames.InboundDeadLetter).Within());
        Assert.Contains("reply queue unavailable", (string?)dead["dead.error"], StringComparison.Ordinal);

        var state = await redis.Database.StringGetAsync(ConversationKeys.Conversation(customer.ConversationKey)).Within();
        var record = ConversationJson.Deserialize<ConversationRecord>(state.ToString());
        Assert.Equal(ConversationState.Human, record.State);
        Assert.Equal("processing_failed", record.HandoffReason);
        Assert.False(await redis.Database.KeyExistsAsync(ConversationSequence.Key(customer.ConversationKey)).Within());
    }

    /// <summary>Refuses the first <paramref name="failures"/> text messages, then queues like the real queue.</summary>
    private sealed class FailingRepliesQueue(IOutboundQueue inner, int failures) : IOutboundQueue
    {
        private int _texts;

        /// <summary>Text messages asked for, refused or not.</summary>
        public int Texts => _texts;

        public Task<IReadOnlyList<string>> EnqueueAsync(OutboundMessage message, CancellationToken cancellationToken = default) =>
            message.Kind == OutboundKind.Text && Interlocked.Increment(ref _texts) <= failures
                ? throw new InvalidOperationException("reply queue unavailable")
                : inner.EnqueueAsync(message, cancellationToken);
    }
}
