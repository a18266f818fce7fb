using Assistant.Core.Streams;
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
        await harness.AddStatusAsync($$"""{"id":"{{wamid}}","status":"delivered","timestamp":"1770000000","recipient_id":"393331234567"}""").Within();
        await harness.AddStatusAsync($$"""{"id":"{{wamid}}","status":"read","timestamp":"1770000005","recipient_id":"393331234567"}""").Within();
        var last = await harness.AddStatusAsync($$"""{"id":"{{wamid}}","status":"sent","timestamp":"1769999999","recipient_id":"393331234567"}""").Within();

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

        await harness.AddStatusAsync($$$"""
            {"id":"{{{wamid}}}","status":"failed","timestamp":"1770000000","recipient_id":"393331234567","biz_opaque_callback_data":"{{{message.Id}}}",
             "errors":[{"code":131026,"title":"Message undeliverable","message":"Message undeliverable","error_data":{"details":"Not a WhatsApp user"}}]}
            """).Within();

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

        await harness.AddStatusAsync($$"""{"id":"{{wamid}}","status":"failed","timestamp":"1770000000","errors":[{"code":131057,"title":"Account in maintenance mode"}] }""").Within();

        await SenderHarness.EventuallyAsync(() => harness.Graph.MessageRequests.Count == 2, "sent again");
        await SenderHarness.EventuallyAsync(async () => (await harness.Records.GetAsync(message.Id))?.State == OutboundState.Sent, "recorded");
        var record = await harness.Records.GetAsync(message.Id).Within();
        Assert.NotEqual(wamid, record!.Wamid);
        Assert.Equal(2, record.Attempts);
    }

    [Fact]
    public void The_reader_accepts_a_camel_case_wrapper_and_flat_fields()
    {
        var wrapped = DeliveryStatusReader.Read(new StreamEntry("1-0", [new NameValueEntry("event", """
            {"businessId":"b","status":{"wamid":"wamid.X","status":"FAILED","recipientId":"391","timestamp":"2026-05-04T09:00:00Z",
             "bizOpaqueCallbackData":"our-id","errors":[{"code":"131049","title":"Not delivered"}]}}
            """)]));
        Assert.NotNull(wrapped);
        Assert.Equal("wamid.X", wrapped.Wamid);
        Assert.Equal("failed", wrapped.Status);
        Assert.Equal("our-id", wrapped.CallbackData);
        Assert.Equal(131049, wrapped.Errors.Single().Code);
        Assert.Equal(DateTimeOffset.Parse("2026-05-04T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture), wrapped.Timestamp);

        var flat = DeliveryStatusReader.Read(new StreamEntry("2-0", [new NameValueEntry("wamid", "wamid.Y"), new NameValueEntry("status", "delivered"), new NameValueEntry("timestamp", "1770000000")]));
        Assert.NotNull(flat);
        Assert.Equal("wamid.Y", flat.Wamid);
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1770000000), flat.Timestamp);

        Assert.Null(DeliveryStatusReader.Read(new StreamEntry("3-0", [new NameValueEntry("event", "not json")])));
    }
}
