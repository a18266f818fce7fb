using Assistant.Core.Businesses;
using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Outbound;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Outbound;

/// <summary>The sender end to end: queue, consumer, dispatcher, Graph API stand-in, records.</summary>
public sealed class OutboundSenderTests
{
    [Fact]
    public async Task A_queued_text_is_sent_once_and_its_wamid_recorded_before_the_ack()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.StartSender("s1");
        var message = SenderHarness.Text("Ciao!");

        Assert.Equal([message.Id], await harness.Queue.EnqueueAsync(message).Within());
        Assert.Empty(await harness.Queue.EnqueueAsync(message).Within());

        await SenderHarness.EventuallyAsync(async () => (await harness.Records.GetAsync(message.Id))?.State == OutboundState.Sent, "sent");
        var record = await harness.Records.GetAsync(message.Id).Within();
        Assert.StartsWith("wamid.standin.", record!.Wamid);
        Assert.Equal(message.Id, await harness.Records.FindByWamidAsync(record.Wamid!).Within());
        await SenderHarness.EventuallyAsync(async () => await harness.PendingAsync() == 0, "acked");
        Assert.Single(harness.Graph.MessageRequests);
    }

    [Fact]
    public async Task Pair_rate_limit_131056_then_success_sends_once_after_the_pair_gap()
    {
        await using var harness = await SenderHarness.StartAsync(new() { ["Outbound:PairInterval"] = "00:00:00.400" });
        harness.Graph.Script(GraphApiStandIn.Error(400, 131056, "(Business Account, Consumer Account) pair rate limit hit"));
        harness.StartSender("s1");
        var message = SenderHarness.Text("Ciao!");

        await harness.Queue.EnqueueAsync(message).Within();

        await SenderHarness.EventuallyAsync(async () => (await harness.Records.GetAsync(message.Id))?.State == OutboundState.Sent, "sent");
        var requests = harness.Graph.MessageRequests;
        Assert.Equal(2, requests.Count);
        var gap = TimeSpan.FromTicks((requests[1].Timestamp - requests[0].Timestamp) * TimeSpan.TicksPerSecond / System.Diagnostics.Stopwatch.Frequency);
        Assert.True(gap >= TimeSpan.FromMilliseconds(390), $"retried after {gap.TotalMilliseconds} ms, before the pair gap");
        Assert.Equal(2, (await harness.Records.GetAsync(message.Id).Within())!.Attempts);
    }

    [Fact]
    public async Task Three_server_errors_then_success_sends_it_on_the_fourth_attempt()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Graph.Script(
            GraphApiStandIn.Error(500, 131000, "Something went wrong"),
            new ScriptedResponse(502, "<html>bad gateway</html>"),
            GraphApiStandIn.Error(503, 131016, "Service unavailable"));
        harness.StartSender("s1");
        var message = SenderHarness.Text("Ciao!");

        await harness.Queue.EnqueueAsync(message).Within();

        await SenderHarness.EventuallyAsync(async () => (await harness.Records.GetAsync(message.Id))?.State == OutboundState.Sent, "sent");
        Assert.Equal(4, harness.Graph.MessageRequests.Count);
        Assert.Equal(0, await harness.Database.StreamLengthAsync(StreamNames.OutboundDeadLetter).Within());
    }

    [Fact]
    public async Task A_timeout_is_retried_and_the_message_sent()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Graph.Script(GraphApiStandIn.Slow(TimeSpan.FromSeconds(3)));
        harness.StartSender("s1");
        var message = SenderHarness.Text("Ciao!");

        await harness.Queue.EnqueueAsync(message).Within();

        await SenderHarness.EventuallyAsync(async () => (await harness.Records.GetAsync(message.Id))?.State == OutboundState.Sent, "sent");
        Assert.Equal(2, harness.Graph.MessageRequests.Count);
    }

    [Fact]
    public async Task Retryable_errors_that_never_end_are_dead_lettered_after_the_last_attempt()
    {
        await using var harness = await SenderHarness.StartAsync(new() { ["Outbound:MaxSendAttempts"] = "3" });
        harness.Graph.Script(Enumerable.Repeat(GraphApiStandIn.Error(429, 130429, "Rate limit hit"), 3).ToArray());
        harness.StartSender("s1");
        var message = SenderHarness.Text("Ciao!");

        await harness.Queue.EnqueueAsync(message).Within();

        await SenderHarness.EventuallyAsync(async () => await harness.Database.StreamLengthAsync(StreamNames.OutboundDeadLetter) == 1, "dead letter");
        var dead = (await harness.Database.StreamRangeAsync(StreamNames.OutboundDeadLetter).Within()).Single();
        Assert.Equal("130429", (string?)dead["code"]);
        Assert.Contains("retries exhausted after 3 attempts", (string?)dead["reason"]);
        Assert.Equal(3, harness.Graph.MessageRequests.Count);
    }

    [Fact]
    public async Task Error_131026_dead_letters_with_the_reason_and_is_not_retried()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Graph.Script(GraphApiStandIn.Error(400, 131026, "Message undeliverable", details: "Recipient cannot receive"));
        harness.StartSender("s1");
        var message = SenderHarness.Text("Ciao!");

        await harness.Queue.EnqueueAsync(message).Within();

        await SenderHarness.EventuallyAsync(async () => await harness.Database.StreamLengthAsync(StreamNames.OutboundDeadLetter) == 1, "dead letter");
        var dead = (await harness.Database.StreamRangeAsync(StreamNames.OutboundDeadLetter).Within()).Single();
        Assert.Equal(message.Id, (string?)dead["id"]);
        Assert.Equal("131026", (string?)dead["code"]);
        Assert.Contains("Message undeliverable (Recipient cannot receive)", (string?)dead["reason"]);
        Assert.Contains("cannot receive", (string?)dead["advice"]);
        var record = await harness.Records.GetAsync(message.Id).Within();
        Assert.Equal(OutboundState.Failed, record!.State);
        await SenderHarness.EventuallyAsync(async () => await harness.PendingAsync() == 0, "acked");
        Assert.Single(harness.Graph.MessageRequests);
    }

    [Fact]
    public async Task Error_131047_sends_the_configured_re_engagement_template_instead()
    {
        await using var harness = await SenderHarness.StartAsync(new()
        {
            ["Outbound:ReEngagementTemplates:biz-1:Name"] = "riprendiamo",
            ["Outbound:ReEngagementTemplates:biz-1:Language"] = "it",
        });
        var (message, requests) = await SendIntoAClosedWindowAsync(harness);
        var templateId = message.Id + ".reengage";
        Assert.Equal("template", (string?)requests[1].Json["type"]);
        Assert.Equal("riprendiamo", (string?)requests[1].Json["template"]!["name"]);
        Assert.Equal("393331234567", (string?)requests[1].Json["to"]);
        var original = await harness.Records.GetAsync(message.Id).Within();
        Assert.Equal(OutboundState.Replaced, original!.State);
        Assert.Equal(templateId, original.ReplacedBy);
    }

    [Fact]
    public async Task Error_131047_sends_the_business_json_re_engagement_template_without_configuration()
    {
        await using var harness = await SenderHarness.StartAsync();
        await harness.UpsertBusinessAsync(new ReEngagementTemplate { Name = "ci_risentiamo", Language = "en_US", BodyParameters = ["Studio Aurora", "domani"] });
        var (message, requests) = await SendIntoAClosedWindowAsync(harness);
        var templateId = message.Id + ".reengage";
        var template = requests[1].Json["template"]!;
        Assert.Equal("template", (string?)requests[1].Json["type"]);
        Assert.Equal("ci_risentiamo", (string?)template["name"]);
        Assert.Equal("en_US", (string?)template["language"]!["code"]);
        var body = Assert.Single(template["components"]!.AsArray())!;
        Assert.Equal("body", (string?)body["type"]);
        Assert.Equal(["Studio Aurora", "domani"], body["parameters"]!.AsArray().Select(p => (string?)p!["text"]));
        Assert.Equal(OutboundState.Replaced, (await harness.Records.GetAsync(message.Id).Within())!.State);
        Assert.Equal(0, await harness.Database.StreamLengthAsync(StreamNames.HandoffRequests).Within());
    }

    [Fact]
    public async Task Error_131047_prefers_the_business_json_template_over_the_configured_ones()
    {
        await using var harness = await SenderHarness.StartAsync(new()
        {
            ["Outbound:ReEngagementTemplates:biz-1:Name"] = "riprendiamo",
            ["Outbound:ReEngagementTemplates:biz-1:Language"] = "it",
            ["Outbound:ReEngagementTemplates:*:Name"] = "follow_up",
            ["Outbound:ReEngagementTemplates:*:Language"] = "it",
        });
        await harness.UpsertBusinessAsync(new ReEngagementTemplate { Name = "ci_risentiamo", Language = "it" });
        var (_, requests) = await SendIntoAClosedWindowAsync(harness);
        Assert.Equal("ci_risentiamo", (string?)requests[1].Json["template"]!["name"]);
        Assert.Null(requests[1].Json["template"]!["components"]);
    }

    [Fact]
    public async Task Error_131047_without_a_template_asks_for_a_person()
    {
        await using var harness = await SenderHarness.StartAsync();
        harness.Graph.Script(GraphApiStandIn.Error(400, 131047, "Re-engagement message"));
        harness.StartSender("s1");
        var message = SenderHarness.Text("Ciao!");

        await harness.Queue.EnqueueAsync(message).Within();

        await SenderHarness.EventuallyAsync(async () => await harness.Database.StreamLengthAsync(StreamNames.HandoffRequests) == 1, "hand-off request");
        var request = (await harness.Database.StreamRangeAsync(StreamNames.HandoffRequests).Within()).Single();
        Assert.Equal("biz-1", (string?)request["businessId"]);
        Assert.Equal("conv-1", (string?)request["conversationKey"]);
        Assert.Equal(message.Id, (string?)request["messageId"]);
        Assert.Equal("outside_window", (string?)request["reason"]);
        Assert.Contains("131047", (string?)request["detail"]);
        Assert.Single(harness.Graph.MessageRequests);
    }

    [Fact]
    public async Task Short_texts_waiting_for_the_same_user_are_merged_into_one_message()
    {
        // A pair gap long enough that the follow-ups are still waiting for it however slowly this
        // machine runs the test between the first send and the next enqueues.
        await using var harness = await SenderHarness.StartAsync(new()
        {
            ["Outbound:PairBurst"] = "1",
            ["Outbound:PairInterval"] = "00:00:03",
        });
        harness.StartSender("s1");
        var first = SenderHarness.Text("Uno.");
        await harness.Queue.EnqueueAsync(first).Within();
        await SenderHarness.EventuallyAsync(() => harness.Graph.MessageRequests.Count == 1, "first sent");

        var second = SenderHarness.Text("Due.");
        var third = SenderHarness.Text("Tre.");
        var otherUser = SenderHarness.Text("Per un altro.", to: "393330000999");
        await harness.Queue.EnqueueAsync(second).Within();
        await harness.Queue.EnqueueAsync(third).Within();
        await harness.Queue.EnqueueAsync(otherUser).Within();

        await SenderHarness.EventuallyAsync(async () => (await harness.Records.GetAsync(third.Id))?.State == OutboundState.Sent, "merged sent");
        var requests = harness.Graph.MessageRequests;
        Assert.Equal(3, requests.Count);
        var merged = requests.Single(r => ((string?)r.Json["text"]!["body"])!.StartsWith("Due.", StringComparison.Ordinal));
        Assert.Equal("Due.\n\nTre.", (string?)merged.Json["text"]!["body"]);
        Assert.Equal(second.Id, (string?)merged.Json["biz_opaque_callback_data"]);
        var secondRecord = await harness.Records.GetAsync(second.Id).Within();
        var thirdRecord = await harness.Records.GetAsync(third.Id).Within();
        Assert.Equal(secondRecord!.Wamid, thirdRecord!.Wamid);
        Assert.Equal(second.Id, thirdRecord.MergedInto);
        // The other user did not wait for this pair's gap.
        Assert.Equal("Per un altro.", (string?)requests[1].Json["text"]!["body"]);
        await SenderHarness.EventuallyAsync(async () => await harness.PendingAsync() == 0, "all acked");
    }

    [Fact]
    public async Task Pacing_uses_the_time_provider_so_a_fake_clock_controls_the_pair_gap()
    {
        var time = new Microsoft.Extensions.Time.Testing.FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var harness = await SenderHarness.StartAsync(new()
        {
            ["Outbound:PairBurst"] = "1",
            ["Outbound:PairInterval"] = "00:00:06",
        }, timeProvider: time);
        harness.StartSender("s1");

        await harness.Queue.EnqueueAsync(SenderHarness.Buttons("Prima?")).Within();
        await harness.Queue.EnqueueAsync(SenderHarness.Buttons("Seconda?")).Within();
        await SenderHarness.EventuallyAsync(() => harness.Graph.MessageRequests.Count == 1, "first sent at once");

        await Task.Delay(300);
        Assert.Single(harness.Graph.MessageRequests);
        time.Advance(TimeSpan.FromSeconds(5.9));
        await Task.Delay(200);
        Assert.Single(harness.Graph.MessageRequests);
        time.Advance(TimeSpan.FromSeconds(0.1));
        await SenderHarness.EventuallyAsync(() => harness.Graph.MessageRequests.Count == 2, "second sent once six seconds passed");
    }

    [Fact]
    public async Task Messages_to_one_user_leave_in_queue_order()
    {
        await using var harness = await SenderHarness.StartAsync(new() { ["Outbound:PairBurst"] = "20", ["Outbound:MergeTextMaxLength"] = "0" });
        harness.StartSender("s1");
        var bodies = Enumerable.Range(1, 15).Select(i => $"Messaggio {i}").ToList();
        foreach (var body in bodies)
        {
            await harness.Queue.EnqueueAsync(SenderHarness.Text(body)).Within();
        }

        await SenderHarness.EventuallyAsync(() => harness.Graph.MessageRequests.Count == 15, "all sent");
        Assert.Equal(bodies, harness.Graph.MessageRequests.Select(r => (string)r.Json["text"]!["body"]!));
    }

    [Fact]
    public async Task Proactive_messages_respect_opt_out_and_the_customer_service_window()
    {
        await using var harness = await SenderHarness.StartAsync();
        var preferences = harness.Services.GetRequiredService<ContactPreferences>();
        var window = harness.Services.GetRequiredService<CustomerServiceWindow>();
        harness.StartSender("s1");

        await preferences.MarkOptedOutAsync("biz-1", "393330000001").Within();
        Assert.True(await preferences.IsOptedOutAsync("biz-1", null, "393330000001").Within());
        var optedOut = SenderHarness.Text("Promo", to: "393330000001", proactive: true, conversation: "c-optout");
        await window.RecordInboundAsync("biz-1", "c-open", DateTimeOffset.UtcNow.AddHours(-1)).Within();
        var inWindow = SenderHarness.Text("Promemoria", to: "393330000002", proactive: true, conversation: "c-open");
        await window.RecordInboundAsync("biz-1", "c-closed", DateTimeOffset.UtcNow.AddHours(-30)).Within();
        var outsideWindow = SenderHarness.Text("Promemoria", to: "393330000003", proactive: true, conversation: "c-closed");
        // A reply to an opted-out contact is not proactive: it goes out.
        var reply = SenderHarness.Text("Risposta", to: "393330000001", conversation: "c-optout");

        foreach (var message in new[] { optedOut, inWindow, outsideWindow, reply })
        {
            await harness.Queue.EnqueueAsync(message).Within();
        }

        await SenderHarness.EventuallyAsync(
            async () => (await Task.WhenAll(new[] { optedOut, inWindow, outsideWindow, reply }.Select(m => harness.Records.GetAsync(m.Id)))).All(r => OutboundState.IsFinal(r?.State)),
            "settled");
        Assert.Equal(OutboundState.Suppressed, (await harness.Records.GetAsync(optedOut.Id).Within())!.State);
        Assert.Equal(OutboundState.Sent, (await harness.Records.GetAsync(inWindow.Id).Within())!.State);
        Assert.Equal(OutboundState.Suppressed, (await harness.Records.GetAsync(outsideWindow.Id).Within())!.State);
        Assert.Equal(OutboundState.Sent, (await harness.Records.GetAsync(reply.Id).Within())!.State);
        Assert.True(await window.IsOpenAsync("biz-1", "c-open").Within());
        Assert.False(await window.IsOpenAsync("biz-1", "c-closed").Within());
    }

    [Fact]
    public async Task A_proactive_message_outside_the_window_becomes_the_template_when_one_is_configured()
    {
        await using var harness = await SenderHarness.StartAsync(new()
        {
            ["Outbound:ReEngagementTemplates:*:Name"] = "follow_up",
            ["Outbound:ReEngagementTemplates:*:Language"] = "it",
        });
        harness.StartSender("s1");
        var message = SenderHarness.Text("Come va?", proactive: true, conversation: "never-wrote");

        await harness.Queue.EnqueueAsync(message).Within();

        await SenderHarness.EventuallyAsync(async () => (await harness.Records.GetAsync(message.Id + ".reengage"))?.State == OutboundState.Sent, "template sent");
        var request = Assert.Single(harness.Graph.MessageRequests);
        Assert.Equal("follow_up", (string?)request.Json["template"]!["name"]);
    }

    [Fact]
    public async Task Without_an_access_token_the_sandbox_records_deliveries_and_sends_nothing()
    {
        await using var harness = await SenderHarness.StartAsync(sandbox: true);
        harness.StartSender("s1");
        var text = SenderHarness.Text("Ciao dal sandbox");
        var buttons = SenderHarness.Buttons("Confermi?");

        await harness.Queue.EnqueueAsync(text).Within();
        await harness.Queue.EnqueueAsync(buttons).Within();

        await SenderHarness.EventuallyAsync(async () => (await harness.Records.GetAsync(buttons.Id))?.State == OutboundState.Delivered, "settled");
        var outbox = harness.Services.GetRequiredService<SandboxOutbox>();
        var deliveries = await outbox.ReadAsync("biz-1", "conv-1").Within();
        Assert.Equal([text.Id, buttons.Id], deliveries.Select(d => d.MessageId));
        Assert.Equal("Ciao dal sandbox", deliveries[0].Message.Text!.Body);
        Assert.Equal(OutboundKind.Buttons, deliveries[1].Message.Kind);
        Assert.Equal(["conv-1"], await outbox.ListConversationsAsync("biz-1").Within());
        var record = await harness.Records.GetAsync(text.Id).Within();
        Assert.Equal(OutboundState.Delivered, record!.State);
        Assert.Equal(SandboxOutbox.SandboxWamid(text.Id), record.Wamid);
        Assert.Empty(harness.Graph.Requests);
    }

    /// <summary>A text refused with 131047 (window closed), then its re-engagement template sent: both Graph requests.</summary>
    private static async Task<(OutboundMessage Message, IReadOnlyList<RecordedRequest> Requests)> SendIntoAClosedWindowAsync(SenderHarness harness)
    {
        harness.Graph.Script(GraphApiStandIn.Error(400, 131047, "Re-engagement message"));
        harness.StartSender("s1");
        var message = SenderHarness.Text("Ciao!");

        await harness.Queue.EnqueueAsync(message).Within();

        await SenderHarness.EventuallyAsync(async () => (await harness.Records.GetAsync(message.Id + ".reengage"))?.State == OutboundState.Sent, "template sent");
        var requests = harness.Graph.MessageRequests;
        Assert.Equal(2, requests.Count);
        return (message, requests);
    }
}
