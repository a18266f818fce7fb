using Assistant.Core.Conversations;
using Assistant.Tests.AppHost;
using Assistant.Tests.Infrastructure;
using StackExchange.Redis;

namespace Assistant.Tests.Worker;

/// <summary>
/// Each route of the worker, end to end through the running graph: a signed webhook in, the
/// reply the customer would see out of the sandbox channel.
/// </summary>
[Collection(AssistantGraphCollection.Name)]
public sealed class RouteEndToEndTests(AssistantGraphFixture graph)
{
    private IDatabase Db => graph.Redis.GetDatabase();

    [Fact]
    public async Task A_greeting_gets_the_business_own_greeting_once()
    {
        var customer = graph.NewCustomer();

        await customer.SendTextAsync("Buongiorno! Vorrei qualche informazione.");

        var replies = await customer.WaitForRepliesAsync(1);
        await Task.Delay(1500);
        Assert.Single(await customer.RepliesAsync());
        Assert.StartsWith("Buongiorno, qui è lo Studio Dentistico Aurora", replies[0], StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_price_question_is_answered_from_the_knowledge_base()
    {
        var customer = graph.NewCustomer();

        await customer.SendTextAsync("Quanto costa una pulizia dei denti?");

        var replies = await customer.WaitForRepliesAsync(1);
        Assert.Contains("90", replies[0], StringComparison.Ordinal);
        var thread = await ThreadAsync(customer);
        var bot = Assert.Single(thread, l => l.Author == MessageAuthor.Bot);
        Assert.Equal("knowledge", bot.Route);
        Assert.Contains(bot.Sources, s => s.StartsWith("prezzi.md", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_complaint_goes_to_a_person_who_then_has_the_conversation_alone()
    {
        var customer = graph.NewCustomer();

        await customer.SendTextAsync("Sono molto arrabbiata, la corona che mi avete messo si è già staccata e nessuno mi risponde al telefono!");
        var acknowledgement = await customer.WaitForRepliesAsync(1);
        await customer.SendTextAsync("Allora? Mi rispondete?");
        await WaitForCustomerLinesAsync(customer, 2);
        await Task.Delay(1500);

        Assert.Single(await customer.RepliesAsync());
        Assert.False(string.IsNullOrWhiteSpace(acknowledgement[0]));
        var conversation = await ConversationAsync(customer);
        Assert.Equal(ConversationState.Human, conversation.State);
        Assert.True(conversation.WaitingForHuman);
        var handoffs = await new HandoffStore(graph.Redis).ListAsync(SimulatedCustomer.BusinessId).Within();
        Assert.Contains(handoffs, h => h.ConversationKey == customer.ConversationKey && h.Reason == "complaint");
    }

    [Fact]
    public async Task Opt_out_is_confirmed_and_remembered()
    {
        var customer = graph.NewCustomer();

        await customer.SendTextAsync("Per favore non scrivetemi più, cancellatemi dalla lista.");

        var replies = await customer.WaitForRepliesAsync(1);
        Assert.Single(replies);
        Assert.True(await Db.SetContainsAsync($"optout:{SimulatedCustomer.BusinessId}", customer.Phone).Within());
    }

    [Fact]
    public async Task A_voice_note_is_acknowledged_as_one_the_clinic_will_listen_to()
    {
        var customer = graph.NewCustomer();

        await customer.SendVoiceNoteAsync();

        var replies = await customer.WaitForRepliesAsync(1);
        var thread = await ThreadAsync(customer);
        Assert.Contains(thread, l => l.Author == MessageAuthor.Customer && l.Text == "[voice note]");
        Assert.Equal("media", Assert.Single(thread, l => l.Author == MessageAuthor.Bot).Route);
        Assert.False(string.IsNullOrWhiteSpace(replies[0]));
    }

    [Fact]
    public async Task A_request_split_over_three_messages_is_answered_once()
    {
        var customer = graph.NewCustomer();

        await customer.SendTextAsync("ciao");
        await customer.SendTextAsync("volevo sapere");
        await customer.SendTextAsync("quanto costa la pulizia?");

        var replies = await customer.WaitForRepliesAsync(1);
        await Task.Delay(3000);
        Assert.Single(await customer.RepliesAsync());
        Assert.Contains("90", replies[0], StringComparison.Ordinal);
        var thread = await ThreadAsync(customer);
        Assert.Equal(3, thread.Count(l => l.Author == MessageAuthor.Customer));
        Assert.Single(thread, l => l.Author == MessageAuthor.Bot);
    }

    private async Task<IReadOnlyList<ConversationMessage>> ThreadAsync(SimulatedCustomer customer) =>
        await Store().GetMessagesAsync(customer.ConversationKey, 100).Within();

    private async Task<ConversationRecord> ConversationAsync(SimulatedCustomer customer) =>
        await Store().GetAsync(customer.ConversationKey).Within() ?? throw new InvalidOperationException("No conversation.");

    private async Task WaitForCustomerLinesAsync(SimulatedCustomer customer, int count)
    {
        for (var i = 0; i < 200 && (await ThreadAsync(customer)).Count(l => l.Author == MessageAuthor.Customer) < count; i++)
        {
            await Task.Delay(100);
        }
    }

    private ConversationStore Store() => new(graph.Redis, Microsoft.Extensions.Options.Options.Create(new ConversationStoreOptions()), TimeProvider.System);
}
