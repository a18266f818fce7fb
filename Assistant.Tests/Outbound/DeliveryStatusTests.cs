using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Inbound;
using Assistant.Core.WhatsApp.Outbound;
using Assistant.Tests.Infrastructure;
using Assistant.Worker.Sending;
using StackExchange.Redis;

namespace Assistant.Tests.Outbound;

public sealed class DeliveryStatusTests
{
    private static async Task<(SenderHarness Harness, OutboundMessage Message, string Wamid)> SentAsync(Dictionary<string, string?>? settings = null)
    {
        var harness = await SenderHarness.StartAsync(settings);
        harness.StartSender("s1");
        harness.StartStatuses();
        var message = SenderHarness.Text("Ciao!");
        await harness.Queue.EnqueueAsync(message).Within();
        await SenderHarness.EventuallyAsync(async () => (await harness.Records.GetAsync(message.Id))?.Wamid is not null, "sent");
        return (harness, message, (await harness.Records.GetAsync(message.Id))!.Wamid!);
    }

    [Fact]
    public async Task Delivered_and_read_move_the_record_forward_and_a_late_sent_never_moves_it_back()
    {
        var (harness, message, wamid) = await SentAsync();
        await using var _ = harness;

        // Found through the wamid index: no callback data in these.
        await harness.AddStatusAsync(SenderHarness.Status(wamid, DeliveryState.Delivered, 1770000000)).Within();
        await harness.AddStatusAsync(SenderHarness.Status(wamid, DeliveryState.Read, 1770000005)).Within();
        var last = await harness.AddStatusAsync(SenderHarness.Status(wamid, DeliveryState.Sent, 1769999999)).Within();

        await SenderHarness.EventuallyAsync(() => harness.ConsumedAsync(StreamNames.Statuses, last), "statuses handled");
        var record = await harness.Records.GetAsync(message.Id).Within();
        Assert.Equal(OutboundState.Read, record!.State);
        Assert.Equal("1770000005000", record.Fields["readAt"]);
        Assert.Equal("1770000000000", record.Fields["deliveredAt"]);
    }

    [Fact]
    public async Task A_failed_status_with_a_permanent_error_dead_letters_the_message()
    {
        var (harness, message, wamid) = await SentAsync();
        await using var _ = harness;

        await harness.AddStatusAsync(SenderHarness.Status(wamid, DeliveryState.Failed, 1770000000, callbackData: message.Id, errors:
            [new WhatsAppError { Code = 131026, Title = "Message undeliverable", Message = "Message undeliverable", Details = "Not a WhatsApp user" }])).Within();

        await SenderHarness.EventuallyAsync(async () => await harness.Database.StreamLengthAsync(StreamNames.OutboundDeadLetter) == 1, "dead letter");
        var dead = (await harness.Database.StreamRangeAsync(StreamNames.OutboundDeadLetter).Within()).Single();
        Assert.Equal("131026", (string?)dead["code"]);
        Assert.Equal(OutboundState.Failed, (await harness.Records.GetAsync(message.Id).Within())!.State);
        Assert.Single(harness.Graph.MessageRequests);
    }

    [Fact]
    public async Task A_failed_status_with_a_retryable_error_queues_the_message_again()
    {
        var (harness, message, wamid) = await SentAsync();
        await using var _ = harness;

        await harness.AddStatusAsync(SenderHarness.Status(wamid, DeliveryState.Failed, 1770000000, errors: [new WhatsAppError { Code = 131057, Title = "Account in maintenance mode" }])).Within();

        await SenderHarness.EventuallyAsync(() => harness.Graph.MessageRequests.Count == 2, "sent again");
        await SenderHarness.EventuallyAsync(async () => (await harness.Records.GetAsync(message.Id))?.State == OutboundState.Sent, "recorded");
        var record = await harness.Records.GetAsync(message.Id).Within();
        Assert.NotEqual(wamid, record!.Wamid);
        Assert.Equal(2, record.Attempts);
    }

    [Fact]
    public async Task A_failed_status_without_a_title_gives_the_message_and_its_details_as_the_reason()
    {
        var (harness, message, wamid) = await SentAsync();
        await using var _ = harness;

        await harness.AddStatusAsync(SenderHarness.Status(wamid, DeliveryState.Failed, 1770000000, errors:
            [new WhatsAppError { Code = 131026, Message = "Message undeliverable", Details = "Not a WhatsApp user" }])).Within();

        await SenderHarness.EventuallyAsync(async () => await harness.Database.StreamLengthAsync(StreamNames.OutboundDeadLetter) == 1, "dead letter");
        var dead = (await harness.Database.StreamRangeAsync(StreamNames.OutboundDeadLetter).Within()).Single();
        Assert.Equal("status failed, error 131026: Message undeliverable (Not a WhatsApp user)", (string?)dead["reason"]);
        Assert.Equal(OutboundState.Failed, (await harness.Records.GetAsync(message.Id).Within())!.State);
    }

    [Fact]
    public void The_reader_reads_the_webhooks_record_and_nothing_else()
    {
        var written = SenderHarness.Status("wamid.X", DeliveryState.Failed, 1770000000, callbackData: "our-id", errors:
            [new WhatsAppError { Code = 131049, Title = "Not delivered", Message = "Not delivered", Details = "Ecosystem engagement" }]);
        var queued = QueuedEvent.ForStatus(written);

        var read = DeliveryStatusReader.Read(new StreamEntry("1-0", [
            new NameValueEntry(InboundStreamFields.Kind, queued.Kind),
            new NameValueEntry(InboundStreamFields.Event, queued.Payload),
        ]));

        Assert.NotNull(read);
        Assert.Equal("wamid.X", read.Id);
        Assert.Equal(DeliveryState.Failed, read.Status);
        Assert.Equal("our-id", read.BizOpaqueCallbackData);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1770000000), read.Timestamp);
        var error = Assert.Single(read.Errors!);
        Assert.Equal(131049, error.Code);
        Assert.Equal("Ecosystem engagement", error.Details);

        Assert.Null(DeliveryStatusReader.Read(new StreamEntry("2-0", [new NameValueEntry(InboundStreamFields.Event, "not json")])));
        Assert.Null(DeliveryStatusReader.Read(new StreamEntry("3-0", [new NameValueEntry("wamid", "wamid.Y"), new NameValueEntry("status", "delivered")])));
    }
}
