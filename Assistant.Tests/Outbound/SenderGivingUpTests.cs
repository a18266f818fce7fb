using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Outbound;
using Assistant.Tests.Infrastructure;
using Assistant.Worker.Sending;
using Microsoft.Extensions.DependencyInjection;
using StackExchange.Redis;

namespace Assistant.Tests.Outbound;

/// <summary>
/// When the sender fails on a queued message at every delivery, the consumer dead-letters it; just
/// before, the sender's last word: the record says failed and a person is asked to follow up, unless
/// the message was sent after all or nobody was waiting for it.
/// </summary>
public sealed class SenderGivingUpTests
{
    [Fact]
    public async Task A_reply_the_sender_gave_up_on_is_marked_failed_and_a_person_follows_up()
    {
        await using var harness = await SenderHarness.StartAsync();
        var message = SenderHarness.Text("La aspettiamo alle 9.");
        await harness.Queue.EnqueueAsync(message).Within();

        await GiveUpAsync(harness, "RedisTimeoutException: timed out");

        var record = await harness.Records.GetAsync(message.Id).Within();
        Assert.Equal(OutboundState.Failed, record!.State);
        var request = Assert.Single(await harness.Database.StreamRangeAsync(StreamNames.HandoffRequests).Within());
        Assert.Equal("delivery_failed", (string?)request["reason"]);
        Assert.Equal("conv-1", (string?)request["conversationKey"]);
        Assert.Contains("RedisTimeoutException", (string?)request["detail"], StringComparison.Ordinal);
        Assert.Empty(harness.Graph.MessageRequests);
    }

    [Fact]
    public async Task A_message_sent_after_all_or_a_read_receipt_asks_nobody_to_follow_up()
    {
        await using var harness = await SenderHarness.StartAsync();
        var sent = SenderHarness.Text("Ciao!");
        await harness.Queue.EnqueueAsync(sent).Within();
        await harness.Records.AdvanceAsync(sent.Id, OutboundState.Sent, TimeSpan.FromHours(1)).Within();
        var receipt = SenderHarness.Text("-") with { Kind = OutboundKind.MarkRead, Text = null, MarkRead = new OutboundMarkRead("wamid.in.1") };
        await harness.Queue.EnqueueAsync(receipt).Within();

        await GiveUpAsync(harness, "boom");

        Assert.Equal(OutboundState.Sent, (await harness.Records.GetAsync(sent.Id).Within())!.State);
        Assert.Equal(OutboundState.Failed, (await harness.Records.GetAsync(receipt.Id).Within())!.State);
        Assert.Equal(0, await harness.Database.StreamLengthAsync(StreamNames.HandoffRequests).Within());
    }

    /// <summary>What the consumer does with every queued entry once its last delivery failed.</summary>
    private static async Task GiveUpAsync(SenderHarness harness, string error)
    {
        var failures = harness.Services.GetRequiredService<OutboundFailureHandler>();
        foreach (var entry in await harness.Database.StreamRangeAsync(StreamNames.Outbound).Within())
        {
            await failures.GiveUpAsync(entry, error, CancellationToken.None).Within();
        }
    }
}
