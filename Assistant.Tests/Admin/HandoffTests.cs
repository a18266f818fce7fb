using System.Net;
using System.Net.Http.Json;
using Assistant.Admin.Audit;
using Assistant.Admin.Background;
using Assistant.Admin.Models;
using Assistant.Admin.Services;
using Assistant.Core.Conversations;
using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Inbound;
using Assistant.Tests.Infrastructure;
using StackExchange.Redis;

namespace Assistant.Tests.Admin;

[Collection(AdminCollection.Name)]
public sealed class HandoffTests(AdminFixture fixture)
{
    private static string Path(ConversationRecord conversation, string action = "") =>
        $"/api/businesses/{conversation.BusinessId}/conversations/{Uri.EscapeDataString(conversation.Key)}{action}";

    [Fact]
    public async Task Take_over_reply_note_and_release_with_a_closing_message_keep_one_thread()
    {
        var conversation = await fixture.ConversationAsync(AdminFixture.BusinessA);
        using var agent = await fixture.AgentAAsync();
        var store = fixture.Service<ConversationStore>();

        using var takeOver = await agent.PostAsync(Path(conversation, "/takeover"), null).Within();
        Assert.Equal(HttpStatusCode.OK, takeOver.StatusCode);
        var human = await store.GetAsync(conversation.Key).Within();
        Assert.Equal(ConversationState.Human, human!.State);
        Assert.Equal(AdminFixture.AgentAName, human.AssignedAgent);

        using var reply = await agent.PostAsJsonAsync(Path(conversation, "/reply"), new AgentText("Sì, sabato siamo aperti fino alle 13.")).Within();
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        var queued = await OutboundEntries.ForAsync(fixture.Db, conversation.Key);
        var sent = Assert.Single(queued);
        Assert.Equal(conversation.Contact.WaId, sent.To);
        Assert.Equal("100001", sent.PhoneNumberId);
        Assert.Equal("Sì, sabato siamo aperti fino alle 13.", sent.Text!.Body);

        using var note = await agent.PostAsJsonAsync(Path(conversation, "/notes"), new AgentText("Cliente abituale")).Within();
        Assert.Equal(HttpStatusCode.OK, note.StatusCode);

        var detail = await agent.GetFromJsonAsync<ConversationDetail>(Path(conversation), ConversationJson.Options).Within();
        var agentLine = Assert.Single(detail!.Messages, l => l.Message.Author == MessageAuthor.Agent);
        Assert.Equal(AdminFixture.AgentAName, agentLine.Message.AgentName);
        Assert.Equal(sent.Id, agentLine.Message.OutboundId);
        Assert.Equal("queued", agentLine.Delivery);
        Assert.Contains(detail.Messages, l => l.Message.Author == MessageAuthor.Note && l.Message.Text == "Cliente abituale");
        Assert.Contains(detail.Messages, l => l.Message.Author == MessageAuthor.Customer);

        using var release = await agent.PostAsJsonAsync(Path(conversation, "/release"), new ReleaseRequest("Buona giornata!")).Within();
        Assert.Equal(HttpStatusCode.OK, release.StatusCode);
        var released = await store.GetAsync(conversation.Key).Within();
        Assert.Equal(ConversationState.Bot, released!.State);
        Assert.Null(released.AssignedAgent);
        var all = await OutboundEntries.ForAsync(fixture.Db, conversation.Key);
        Assert.Equal(["Sì, sabato siamo aperti fino alle 13.", "Buona giornata!"], all.Select(m => m.Text!.Body));

        using var owner = await fixture.OwnerAsync();
        var audit = await owner.GetFromJsonAsync<List<AuditEntry>>($"/api/audit?businessId={AdminFixture.BusinessA}&take=500").Within();
        Assert.Contains(audit!, e => e.Action == "conversation.takeover" && e.Target == AuditTargets.Conversation(conversation.Key) && e.Actor == AdminFixture.AgentAEmail);
        Assert.Contains(audit!, e => e.Action == "conversation.reply" && e.Target == AuditTargets.Conversation(conversation.Key));
        Assert.Contains(audit!, e => e.Action == "conversation.release" && e.Target == AuditTargets.Conversation(conversation.Key));
    }

    [Fact]
    public async Task The_inbox_filters_by_state_and_waiting()
    {
        var waiting = await fixture.ConversationAsync(AdminFixture.BusinessA);
        await fixture.Service<ConversationControl>().HandOffAsync(waiting.Key, "customer_request").Within();
        using var agent = await fixture.AgentAAsync();

        var list = await agent.GetFromJsonAsync<List<ConversationRecord>>($"/api/businesses/{AdminFixture.BusinessA}/conversations?state=human&waiting=true&take=500", ConversationJson.Options).Within();
        Assert.Contains(list!, c => c.Key == waiting.Key);
        Assert.All(list!, c => Assert.True(c.WaitingForHuman && c.State == ConversationState.Human));
        var bots = await agent.GetFromJsonAsync<List<ConversationRecord>>($"/api/businesses/{AdminFixture.BusinessA}/conversations?state=bot&take=500", ConversationJson.Options).Within();
        Assert.DoesNotContain(bots!, c => c.Key == waiting.Key);
    }

    [Fact]
    public async Task A_message_from_the_business_phone_pauses_the_bot_and_idle_conversations_go_back_to_it()
    {
        var conversation = await fixture.ConversationAsync(AdminFixture.BusinessA);
        var control = fixture.Service<ConversationControl>();
        var echo = new InboundMessage
        {
            Id = "wamid.echo." + Guid.NewGuid().ToString("N"),
            BusinessId = AdminFixture.BusinessA,
            PhoneNumberId = "100001",
            Contact = new ContactIdentity { WaId = conversation.Contact.WaId },
            Type = InboundMessageType.Text,
            IsEcho = true,
            Text = "Ci vediamo sabato",
            Timestamp = DateTimeOffset.UtcNow.AddHours(-3),
        };
        Assert.Equal(conversation.Key, echo.ConversationKey);
        var paused = await control.PauseForBusinessPhoneAsync(echo).Within();
        Assert.Equal(ConversationState.Human, paused.State);
        Assert.Equal(ConversationControl.BusinessPhoneAgent, paused.AssignedAgent);

        var fresh = await fixture.ConversationAsync(AdminFixture.BusinessA);
        await control.TakeOverAsync(fresh.Key, "Marta").Within();

        // The echo was three hours ago, over the 30-minute idle setting; the fresh take-over is not.
        await fixture.Service<IdleReleaseService>().SweepAsync(CancellationToken.None).Within();
        var store = fixture.Service<ConversationStore>();
        Assert.Equal(ConversationState.Bot, (await store.GetAsync(conversation.Key).Within())!.State);
        Assert.Equal(ConversationState.Human, (await store.GetAsync(fresh.Key).Within())!.State);
    }

    [Fact]
    public async Task A_handoff_request_from_the_sender_opens_one_handoff()
    {
        var conversation = await fixture.ConversationAsync(AdminFixture.BusinessA);
        var entryId = await fixture.Db.StreamAddAsync(StreamNames.HandoffRequests,
        [
            new NameValueEntry("businessId", AdminFixture.BusinessA),
            new NameValueEntry("conversationKey", conversation.Key),
            new NameValueEntry("reason", "outside_window"),
            new NameValueEntry("messageId", "reply.x"),
            new NameValueEntry("source", "sender"),
            new NameValueEntry("createdAt", DateTimeOffset.UtcNow.ToString("O")),
        ]).Within();

        var handoffs = fixture.Service<HandoffStore>();
        HandoffRecord? handoff = null;
        var deadline = DateTime.UtcNow + TestTimeouts.Default;
        while (handoff is null && DateTime.UtcNow < deadline)
        {
            handoff = await handoffs.GetAsync("req." + entryId).Within();
            if (handoff is null)
            {
                await Task.Delay(50);
            }
        }
        Assert.NotNull(handoff);
        Assert.Equal("outside_window", handoff.Reason);
        var state = await fixture.Service<ConversationStore>().GetAsync(conversation.Key).Within();
        Assert.True(state!.WaitingForHuman);
        Assert.Equal(ConversationState.Human, state.State);
    }
}
