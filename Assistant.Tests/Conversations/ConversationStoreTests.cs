using Assistant.Core.Conversations;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Assistant.Tests.Conversations;

public sealed class ConversationStoreTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private ConversationStore Store() => new(redis.Server.Connection, Options.Create(new ConversationStoreOptions { MaxMessagesKept = 20 }), TimeProvider.System);

    [Fact]
    public async Task Concurrent_updates_from_worker_and_agent_both_land()
    {
        var store = Store();
        var key = $"biz-a:{Guid.NewGuid():N}";
        await store.GetOrCreateAsync("biz-a", key, new ContactInfo("393331112233", null, "Anna")).Within();

        // The worker refreshes the summary while an agent takes the conversation over.
        var updates = Enumerable.Range(0, 20).Select(i => i % 2 == 0
            ? store.UpdateAsync(key, c => c with { Summary = (c.Summary ?? "") + "s", TurnsSinceSummary = c.TurnsSinceSummary + 1 })
            : store.UpdateAsync(key, c => c with { State = ConversationState.Human, AssignedAgent = "Marco", TurnsSinceSummary = c.TurnsSinceSummary + 1 }));
        await Task.WhenAll(updates).Within();

        var final = await store.GetAsync(key).Within();
        Assert.NotNull(final);
        Assert.Equal(20, final.TurnsSinceSummary);
        Assert.Equal(10, final.Summary!.Length);
        Assert.Equal(ConversationState.Human, final.State);
    }

    [Fact]
    public async Task The_thread_keeps_the_most_recent_lines_and_the_inbox_orders_by_activity()
    {
        var store = Store();
        var business = $"biz-{Guid.NewGuid():N}";
        var older = $"{business}:older";
        var newer = $"{business}:newer";
        await store.GetOrCreateAsync(business, older, new ContactInfo("1", null, null)).Within();
        await store.GetOrCreateAsync(business, newer, new ContactInfo("2", null, null)).Within();
        var start = DateTimeOffset.UtcNow;
        for (var i = 0; i < 30; i++)
        {
            await store.AppendAsync(new ConversationMessage { Id = $"m{i}", ConversationKey = older, Author = MessageAuthor.Customer, Text = $"line {i}", At = start.AddSeconds(i) }, business).Within();
        }
        await store.AppendAsync(new ConversationMessage { Id = "n", ConversationKey = newer, Author = MessageAuthor.Customer, Text = "hi", At = start.AddMinutes(5) }, business).Within();

        var thread = await store.GetMessagesAsync(older, 100).Within();
        var inbox = await store.ListAsync(business).Within();

        Assert.Equal(20, thread.Count);
        Assert.Equal("line 29", thread[^1].Text);
        Assert.Equal([newer, older], inbox.Select(c => c.Key));
    }

    [Fact]
    public async Task A_draft_is_approved_once_even_when_two_agents_click()
    {
        var drafts = new DraftStore(redis.Server.Connection);
        var draft = new DraftRecord
        {
            Id = Guid.NewGuid().ToString("N"), BusinessId = "biz-d", ConversationKey = "biz-d:1", Question = "q", Text = "a", Confidence = 0.4, CreatedAt = DateTimeOffset.UtcNow,
        };
        await drafts.SaveAsync(draft).Within();

        var results = await Task.WhenAll(
            drafts.TryTransitionAsync(draft with { Status = DraftStatus.Approved, ReviewedBy = "one" }, DraftStatus.Pending),
            drafts.TryTransitionAsync(draft with { Status = DraftStatus.Approved, ReviewedBy = "two" }, DraftStatus.Pending)).Within();

        Assert.Single(results, r => r);
        Assert.Empty(await drafts.ListPendingAsync("biz-d").Within());
    }
}
