using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Inbound;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Inbound;

public sealed class WebhookEndpointTests(WebhookFixture fixture) : IClassFixture<WebhookFixture>
{
    private readonly WebhookFixture _fixture = fixture;

    private static string NewId() => "wamid.test" + Guid.NewGuid().ToString("N");

    [Fact]
    public async Task Signed_message_is_acknowledged_and_queued_routed_to_its_business()
    {
        var id = NewId();
        using var response = await _fixture.Host.PostAsync(Payloads.Text(id, "Avete posto domani?"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(await WebhookTestHost.InboundAsync(_fixture.Db, id));
        Assert.Equal(InboundStreamFields.KindMessage, (string?)entry[InboundStreamFields.Kind]);
        var message = InboundMessage.Deserialize((string)entry[InboundStreamFields.Event]!);
        Assert.Equal(WebhookTestHost.BusinessId, message.BusinessId);
        Assert.Equal("Avete posto domani?", message.Text);
        Assert.Equal(message.ConversationKey, (string?)entry[InboundStreamFields.Conversation]);
        Assert.Equal(WebhookTestHost.BusinessId + ":" + Payloads.CustomerUserId, message.ConversationKey);
    }

    [Fact]
    public async Task Stream_entry_carries_the_w3c_trace_context_of_the_webhook_span()
    {
        using var listener = new ActivityListener
        {
            ShouldListenTo = s => s.Name.StartsWith("Assistant.", StringComparison.Ordinal),
            Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded,
        };
        ActivitySource.AddActivityListener(listener);
        var id = NewId();

        using var response = await _fixture.Host.PostAsync(Payloads.Text(id));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var entry = Assert.Single(await WebhookTestHost.InboundAsync(_fixture.Db, id));
        var traceParent = (string?)entry[InboundStreamFields.TraceParent];
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", traceParent);
        Assert.True(ActivityContext.TryParse(traceParent, (string?)entry[InboundStreamFields.TraceState], out _));
    }

    [Fact]
    public async Task Hundred_concurrent_deliveries_of_one_body_give_exactly_one_entry()
    {
        var id = NewId();
        var body = Payloads.Text(id);

        var responses = await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => _fixture.Host.PostAsync(body))).Within(TimeSpan.FromSeconds(30));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        foreach (var r in responses)
        {
            r.Dispose();
        }
        Assert.Single(await WebhookTestHost.InboundAsync(_fixture.Db, id));
    }

    [Fact]
    public async Task Statuses_are_deduplicated_per_message_and_status()
    {
        var id = NewId();

        foreach (var status in new[] { "sent", "sent", "delivered", "read", "read" })
        {
            using var response = await _fixture.Host.PostAsync(Payloads.Status(id, status));
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        var entries = await WebhookTestHost.EntriesAsync(_fixture.Db, StreamNames.Statuses, id);
        var states = entries.Select(e => DeliveryStatus.Deserialize((string)e[InboundStreamFields.Event]!).Status).ToArray();
        Assert.Equal([DeliveryState.Sent, DeliveryState.Delivered, DeliveryState.Read], states);
        Assert.All(entries, e => Assert.Equal(WebhookTestHost.BusinessId, DeliveryStatus.Deserialize((string)e[InboundStreamFields.Event]!).BusinessId));
    }

    [Fact]
    public async Task All_events_of_a_body_are_queued_messages_echoes_and_statuses()
    {
        var (a, b, echo, status) = (NewId(), NewId(), NewId(), NewId());
        var body = $$$"""
            {"object":"whatsapp_business_account","entry":[{"id":"W","changes":[
              {"field":"messages","value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"{{{Payloads.PhoneNumberId}}}"},
                {{{Payloads.Contacts()}}},
                "messages":[{"from":"{{{Payloads.CustomerPhone}}}","id":"{{{a}}}","timestamp":"1","type":"text","text":{"body":"uno"}},
                            {"from":"{{{Payloads.CustomerPhone}}}","id":"{{{b}}}","timestamp":"2","type":"image","image":{"id":"IMG"}}],
                "statuses":[{"id":"{{{status}}}","status":"delivered","timestamp":"3","recipient_id":"{{{Payloads.CustomerPhone}}}"}]}},
              {"field":"smb_message_echoes","value":{"messaging_product":"whatsapp","metadata":{"phone_number_id":"{{{Payloads.PhoneNumberId}}}"},
                "message_echoes":[{"from":"390612345678","to":"{{{Payloads.CustomerPhone}}}","id":"{{{echo}}}","timestamp":"4","type":"text","text":{"body":"rispondo io"}}]}}]}]}
            """;

        using var response = await _fixture.Host.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await WebhookTestHost.InboundAsync(_fixture.Db, a));
        Assert.Single(await WebhookTestHost.InboundAsync(_fixture.Db, b));
        var echoEntry = Assert.Single(await WebhookTestHost.InboundAsync(_fixture.Db, echo));
        Assert.Equal(InboundStreamFields.KindEcho, (string?)echoEntry[InboundStreamFields.Kind]);
        Assert.True(InboundMessage.Deserialize((string)echoEntry[InboundStreamFields.Event]!).IsEcho);
        Assert.Single(await WebhookTestHost.EntriesAsync(_fixture.Db, StreamNames.Statuses, status));
    }

    [Fact]
    public async Task Unknown_phone_number_is_acknowledged_and_parked_on_the_unrouted_stream_not_answered()
    {
        var id = NewId();
        var body = Payloads.Text(id, phoneNumberId: "999888777");

        using var first = await _fixture.Host.PostAsync(body);
        using var retry = await _fixture.Host.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, retry.StatusCode);
        Assert.Empty(await WebhookTestHost.InboundAsync(_fixture.Db, id));
        var parked = Assert.Single(await WebhookTestHost.EntriesAsync(_fixture.Db, StreamNames.Unrouted, id));
        var change = UnroutedChange.Deserialize((string)parked[InboundStreamFields.Event]!);
        Assert.Equal("999888777", change.PhoneNumberId);
        Assert.Equal("messages", change.Field);
        using var raw = JsonDocument.Parse(change.RawChange);
        Assert.Equal(id, raw.RootElement.GetProperty("value").GetProperty("messages")[0].GetProperty("id").GetString());
    }

    [Fact]
    public async Task Unknown_field_is_acknowledged_and_nothing_is_queued()
    {
        var marker = Guid.NewGuid().ToString("N");
        var before = await LengthsAsync();

        using var response = await _fixture.Host.PostAsync($$$"""
            {"object":"whatsapp_business_account","entry":[{"id":"W","changes":[{"field":"account_update","value":{"phone_number":"{{{marker}}}","event":"VERIFIED_ACCOUNT"}}]}]}
            """);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(before, await LengthsAsync());
    }

    [Fact]
    public async Task Other_objects_are_acknowledged_and_ignored()
    {
        var id = NewId();
        var body = Payloads.Text(id).Replace("whatsapp_business_account", "instagram", StringComparison.Ordinal);

        using var response = await _fixture.Host.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Empty(await WebhookTestHost.InboundAsync(_fixture.Db, id));
    }

    [Theory]
    [InlineData("this is not json")]
    [InlineData("{\"hello\":\"world\"}")]
    [InlineData("[]")]
    public async Task Signed_body_that_is_not_a_webhook_gets_400_with_problem_details(string body)
    {
        using var response = await _fixture.Host.PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync().Within());
        Assert.Equal(400, problem.RootElement.GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task Body_over_3_MB_gets_413_and_nothing_is_queued()
    {
        var id = NewId();
        var body = Payloads.Text(id, new string('a', 3 * 1024 * 1024));

        using var response = await _fixture.Host.PostAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Empty(await WebhookTestHost.InboundAsync(_fixture.Db, id));
    }

    [Fact]
    public async Task Body_just_under_the_limit_is_accepted()
    {
        var id = NewId();
        var body = Payloads.Text(id, new string('a', 3 * 1024 * 1024 - 2048));

        using var response = await _fixture.Host.PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(await WebhookTestHost.InboundAsync(_fixture.Db, id));
    }

    [Fact]
    public async Task Subscription_handshake_echoes_the_challenge_only_for_the_right_token()
    {
        using var client = _fixture.Host.CreateClient();

        using var ok = await client.GetAsync($"/webhook?hub.mode=subscribe&hub.verify_token={WebhookTestHost.VerifyToken}&hub.challenge=12345").Within();
        using var wrong = await client.GetAsync("/webhook?hub.mode=subscribe&hub.verify_token=nope&hub.challenge=12345").Within();

        Assert.Equal(HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("12345", await ok.Content.ReadAsStringAsync().Within());
        Assert.Equal(HttpStatusCode.Forbidden, wrong.StatusCode);
    }

    private async Task<(long, long, long)> LengthsAsync() => (
        await _fixture.Db.StreamLengthAsync(StreamNames.Inbound).Within(),
        await _fixture.Db.StreamLengthAsync(StreamNames.Statuses).Within(),
        await _fixture.Db.StreamLengthAsync(StreamNames.Unrouted).Within());
}
