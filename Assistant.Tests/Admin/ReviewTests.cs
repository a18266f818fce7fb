using System.Net;
using System.Net.Http.Json;
using Assistant.Admin.Background;
using Assistant.Admin.Models;
using Assistant.Core.Conversations;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Admin;

[Collection(AdminCollection.Name)]
public sealed class ReviewTests(AdminFixture fixture)
{
    private async Task<(ConversationRecord Conversation, DraftRecord Draft)> DraftAsync(DateTimeOffset? createdAt = null)
    {
        var conversation = await fixture.ConversationAsync(AdminFixture.BusinessA, text: "Quanto costa una pulizia dei denti?");
        var draft = new DraftRecord
        {
            Id = "draft." + Guid.NewGuid().ToString("N"),
            BusinessId = AdminFixture.BusinessA,
            ConversationKey = conversation.Key,
            Question = "Quanto costa una pulizia dei denti?",
            Text = "Una pulizia costa 80 euro.",
            Confidence = 0.42,
            Intent = "price_inquiry",
            Language = "it",
            Passages = [new DraftPassage("prezzi.md#Igiene", "Pulizia dei denti: 80 euro")],
            CreatedAt = createdAt ?? DateTimeOffset.UtcNow,
        };
        await fixture.Service<DraftStore>().SaveAsync(draft).Within();
        return (conversation, draft);
    }

    private static string Path(DraftRecord draft, string action) => $"/api/businesses/{draft.BusinessId}/drafts/{draft.Id}/{action}";

    [Fact]
    public async Task The_queue_shows_question_draft_and_passages()
    {
        var (_, draft) = await DraftAsync();
        using var agent = await fixture.AgentAAsync();
        var pending = await agent.GetFromJsonAsync<List<DraftRecord>>($"/api/businesses/{AdminFixture.BusinessA}/drafts?take=1000").Within();
        var shown = Assert.Single(pending!, d => d.Id == draft.Id);
        Assert.Equal(draft.Question, shown.Question);
        Assert.Equal(draft.Text, shown.Text);
        Assert.Equal("prezzi.md#Igiene", Assert.Single(shown.Passages).Source);
    }

    [Fact]
    public async Task Two_approvals_racing_send_the_answer_once()
    {
        var (conversation, draft) = await DraftAsync();
        using var first = await fixture.AgentAAsync();
        using var second = await fixture.OwnerAsync();

        var responses = await Task.WhenAll(first.PostAsync(Path(draft, "approve"), null), second.PostAsync(Path(draft, "approve"), null)).Within();
        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());

        var sent = Assert.Single(await OutboundEntries.ForAsync(fixture.Db, conversation.Key));
        Assert.Equal(draft.Text, sent.Text!.Body);
        Assert.Equal(conversation.Contact.WaId, sent.To);
        var stored = await fixture.Service<DraftStore>().GetAsync(draft.Id).Within();
        Assert.Equal(DraftStatus.Approved, stored!.Status);
        Assert.DoesNotContain(await fixture.Service<DraftStore>().ListPendingAsync(AdminFixture.BusinessA, 1000).Within(), d => d.Id == draft.Id);

        // Approving again later changes nothing either.
        using var again = await first.PostAsync(Path(draft, "approve"), null).Within();
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Single(await OutboundEntries.ForAsync(fixture.Db, conversation.Key));
    }

    [Fact]
    public async Task Edit_and_send_sends_the_edited_text()
    {
        var (conversation, draft) = await DraftAsync();
        using var agent = await fixture.AgentAAsync();
        using var response = await agent.PostAsJsonAsync(Path(draft, "edit"), new AgentText("La pulizia costa 85 euro, IVA inclusa.")).Within();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);

        var sent = Assert.Single(await OutboundEntries.ForAsync(fixture.Db, conversation.Key));
        Assert.Equal("La pulizia costa 85 euro, IVA inclusa.", sent.Text!.Body);
        var stored = await fixture.Service<DraftStore>().GetAsync(draft.Id).Within();
        Assert.Equal(DraftStatus.Edited, stored!.Status);
        Assert.Equal(AdminFixture.AgentAName, stored.ReviewedBy);
        var lines = await fixture.Service<ConversationStore>().GetMessagesAsync(conversation.Key).Within();
        Assert.Contains(lines, l => l.OutboundId == sent.Id && l.AgentName == AdminFixture.AgentAName && l.Route == "review_edited");
    }

    [Fact]
    public async Task Reject_hands_off_or_lets_the_reviewer_answer()
    {
        using var agent = await fixture.AgentAAsync();
        var (handedOff, toHandOff) = await DraftAsync();
        using var handoff = await agent.PostAsJsonAsync(Path(toHandOff, "reject"), new RejectRequest("handoff", null)).Within();
        Assert.Equal(HttpStatusCode.OK, handoff.StatusCode);
        Assert.Empty(await OutboundEntries.ForAsync(fixture.Db, handedOff.Key));
        var waiting = await fixture.Service<ConversationStore>().GetAsync(handedOff.Key).Within();
        Assert.True(waiting!.WaitingForHuman);
        Assert.Equal(ConversationState.Human, waiting.State);

        var (answered, toAnswer) = await DraftAsync();
        using var reply = await agent.PostAsJsonAsync(Path(toAnswer, "reject"), new RejectRequest("reply", "Le scrivo il preventivo tra poco.")).Within();
        Assert.Equal(HttpStatusCode.OK, reply.StatusCode);
        Assert.Equal("Le scrivo il preventivo tra poco.", Assert.Single(await OutboundEntries.ForAsync(fixture.Db, answered.Key)).Text!.Body);
        Assert.Equal(DraftStatus.Rejected, (await fixture.Service<DraftStore>().GetAsync(toAnswer.Id).Within())!.Status);
    }

    [Fact]
    public async Task A_draft_waiting_too_long_is_escalated_with_one_holding_reply()
    {
        var (conversation, draft) = await DraftAsync(DateTimeOffset.UtcNow.AddMinutes(-5));
        var (recent, recentDraft) = await DraftAsync();
        var escalation = fixture.Service<DraftEscalationService>();

        await escalation.SweepAsync(CancellationToken.None).Within();
        await escalation.SweepAsync(CancellationToken.None).Within();

        var holding = Assert.Single(await OutboundEntries.ForAsync(fixture.Db, conversation.Key));
        Assert.False(string.IsNullOrWhiteSpace(holding.Text!.Body));
        var stored = await fixture.Service<DraftStore>().GetAsync(draft.Id).Within();
        Assert.Equal(DraftStatus.Escalated, stored!.Status);
        Assert.True(stored.HoldingReplySent);
        Assert.True((await fixture.Service<ConversationStore>().GetAsync(conversation.Key).Within())!.WaitingForHuman);

        // The recent draft waits on; the escalated one can still be approved, once.
        Assert.Empty(await OutboundEntries.ForAsync(fixture.Db, recent.Key));
        Assert.Equal(DraftStatus.Pending, (await fixture.Service<DraftStore>().GetAsync(recentDraft.Id).Within())!.Status);
        using var agent = await fixture.AgentAAsync();
        using var approve = await agent.PostAsync(Path(draft, "approve"), null).Within();
        Assert.Equal(HttpStatusCode.OK, approve.StatusCode);
        Assert.Equal(2, (await OutboundEntries.ForAsync(fixture.Db, conversation.Key)).Count);
    }
}
