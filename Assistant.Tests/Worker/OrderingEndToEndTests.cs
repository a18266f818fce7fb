using Assistant.Core.Conversations;
using Assistant.Tests.AppHost;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Worker;

/// <summary>Two worker replicas, fifty conversations writing at once: each is answered in order, one turn at a time.</summary>
[Collection(AssistantGraphCollection.Name)]
public sealed class OrderingEndToEndTests(AssistantGraphFixture graph)
{
    private static readonly string[] Questions =
    [
        "Che orari fate il sabato?",
        "Quanto costa lo sbiancamento?",
        "Grazie mille, a presto!",
    ];

    [Fact]
    public async Task Interleaved_bursts_from_fifty_conversations_are_answered_in_order_by_two_replicas()
    {
        var customers = Enumerable.Range(0, 50).Select(_ => graph.NewCustomer()).ToList();

        // Round by round, every customer sends its next question at the same moment.
        foreach (var question in Questions)
        {
            await Task.WhenAll(customers.Select(c => c.SendTextAsync(question))).Within(TimeSpan.FromSeconds(60));
        }

        var store = new ConversationStore(graph.Redis, Microsoft.Extensions.Options.Options.Create(new ConversationStoreOptions()), TimeProvider.System);
        var deadline = DateTime.UtcNow.AddSeconds(90);
        foreach (var customer in customers)
        {
            IReadOnlyList<ConversationMessage> thread;
            do
            {
                thread = await store.GetMessagesAsync(customer.ConversationKey, 100).Within();
                if (thread.Count(l => l.Author == MessageAuthor.Bot) >= Questions.Length || DateTime.UtcNow > deadline)
                {
                    break;
                }
                await Task.Delay(200);
            }
            while (true);

            // Turn by turn: question, answer, question, answer... never two answers being worked out at once.
            Assert.Equal(
                Questions.SelectMany(_ => new[] { MessageAuthor.Customer, MessageAuthor.Bot }),
                thread.Select(l => l.Author));
            Assert.Equal(Questions, thread.Where(l => l.Author == MessageAuthor.Customer).Select(l => l.Text));
        }
    }
}
