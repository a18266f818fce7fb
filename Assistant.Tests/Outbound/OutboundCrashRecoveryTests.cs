using Assistant.Core.WhatsApp.Inbound;
using Assistant.Core.WhatsApp.Outbound;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Outbound;

/// <summary>
/// A sender that dies mid-send, simulated by stopping its consumer at the worst moments; a second
/// sender (a new process) reclaims the entry. See docs/outbound.md.
/// </summary>
public sealed class OutboundCrashRecoveryTests
{
    private static async Task<(SenderHarness Harness, OutboundMessage Message)> CrashAfterAsync(string where, Dictionary<string, string?>? settings = null)
    {
        var harness = await SenderHarness.StartAsync(settings);
        CancellationTokenSource? stop = null;
        Func<OutboundMessage, CancellationToken, Task> crash = async (_, token) =>
        {
            await stop!.CancelAsync();
            token.ThrowIfCancellationRequested();
        };
        (_, stop) = harness.StartSender("doomed", d =>
        {
            if (where == "after-send")
            {
                d.AfterSendHook = crash;
            }
            else
            {
                d.AfterRecordHook = crash;
            }
        });
        var message = SenderHarness.Text("Ciao!");
        await harness.Queue.EnqueueAsync(message).Within();
        await SenderHarness.EventuallyAsync(() => stop.IsCancellationRequested, "the crash point");
        await harness.StopAsync(stop);
        Assert.Single(harness.Graph.MessageRequests);
        Assert.Equal(1, await harness.PendingAsync());
        return (harness, message);
    }

    [Fact]
    public async Task A_crash_after_recording_and_before_the_ack_does_not_send_twice()
    {
        var (harness, message) = await CrashAfterAsync("after-record");
        await using var _ = harness;
        Assert.Equal(OutboundState.Sent, (await harness.Records.GetAsync(message.Id).Within())!.State);

        harness.StartSender("successor");

        await SenderHarness.EventuallyAsync(async () => await harness.PendingAsync() == 0, "reclaimed and acked");
        Assert.Single(harness.Graph.MessageRequests);
    }

    [Fact]
    public async Task A_crash_between_the_http_call_and_the_record_waits_for_the_status_webhook_instead_of_resending()
    {
        var (harness, message) = await CrashAfterAsync("after-send", new() { ["Outbound:UnknownOutcomeGrace"] = "00:00:10" });
        await using var _ = harness;
        Assert.Equal(OutboundState.Sending, (await harness.Records.GetAsync(message.Id).Within())!.State);

        harness.StartSender("successor");
        // Long enough for the successor to reclaim it (idle 300 ms) and defer it while the lease (1 s) runs out.
        await Task.Delay(1500);
        Assert.Single(harness.Graph.MessageRequests);
        Assert.Equal(1, await harness.PendingAsync().Within());

        // Meta's status webhook for the first try arrives, carrying our id back.
        harness.StartStatuses();
        await harness.AddStatusAsync(SenderHarness.Status("wamid.standin.1", DeliveryState.Sent, 1770000000, callbackData: message.Id)).Within();

        await SenderHarness.EventuallyAsync(async () => await harness.PendingAsync() == 0, "acked after the status");
        var record = await harness.Records.GetAsync(message.Id).Within();
        Assert.Equal(OutboundState.Sent, record!.State);
        Assert.Equal("wamid.standin.1", record.Wamid);
        Assert.Single(harness.Graph.MessageRequests);
    }

    [Fact]
    public async Task Without_any_status_within_the_grace_period_the_message_is_sent_again()
    {
        var (harness, message) = await CrashAfterAsync("after-send");
        await using var _ = harness;

        harness.StartSender("successor");

        await SenderHarness.EventuallyAsync(async () => await harness.PendingAsync() == 0, "resent after the grace period");
        Assert.Equal(2, harness.Graph.MessageRequests.Count);
        Assert.Equal(OutboundState.Sent, (await harness.Records.GetAsync(message.Id).Within())!.State);
    }
}
