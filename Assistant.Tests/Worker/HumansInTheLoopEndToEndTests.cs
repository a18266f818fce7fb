using System.Text.Json;
using Assistant.Core.Conversations;
using Assistant.Tests.AppHost;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Worker;

/// <summary>
/// Hand-off, take-over and review through the running graph: the customer on WhatsApp (sandbox
/// channel) and an owner in the admin see one continuous thread.
/// </summary>
[Collection(AssistantGraphCollection.Name)]
public sealed class HumansInTheLoopEndToEndTests(AssistantGraphFixture graph)
{
    private const string Business = SimulatedCustomer.BusinessId;

    [Fact]
    public async Task A_complaint_is_handed_off_the_agent_answers_in_the_same_thread_and_release_gives_it_back_to_the_bot()
    {
        var admin = await AdminSession.SignInAsync(graph.CreateClient("admin"));
        var customer = graph.NewCustomer("Marta Colombo");
        var key = Uri.EscapeDataString(customer.ConversationKey);

        await customer.SendTextAsync("Sono molto insoddisfatta: mi avete fatturato una visita che non ho mai fatto!");
        await customer.WaitForRepliesAsync(1);
        await Ok(admin.PostAsync($"/api/businesses/{Business}/conversations/{key}/takeover"));
        await Ok(admin.PostAsync($"/api/businesses/{Business}/conversations/{key}/reply", new { text = "Buongiorno signora Colombo, sono Laura dell'amministrazione: verifico subito la fattura." }));

        var afterAgent = await customer.WaitForRepliesAsync(2);
        Assert.StartsWith("Buongiorno signora Colombo, sono Laura", afterAgent[1], StringComparison.Ordinal);

        await customer.SendTextAsync("Grazie, attendo.");
        await Task.Delay(2000);
        Assert.Equal(2, (await customer.RepliesAsync()).Count);

        await Ok(admin.PostAsync($"/api/businesses/{Business}/conversations/{key}/release", new { closingMessage = "Fattura annullata. Per altro le risponde di nuovo l'assistente." }));
        await customer.WaitForRepliesAsync(3);
        await customer.SendTextAsync("Quanto costa la pulizia dei denti?");

        var all = await customer.WaitForRepliesAsync(4);
        Assert.Contains("90", all[3], StringComparison.Ordinal);
        var detail = await admin.GetAsync<JsonElement>($"/api/businesses/{Business}/conversations/{key}");
        Assert.Contains("Laura", detail.GetRawText(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_low_confidence_answer_waits_in_the_review_queue_and_is_sent_only_on_approval()
    {
        var admin = await AdminSession.SignInAsync(graph.CreateClient("admin"));
        var customer = graph.NewCustomer();

        await customer.SendTextAsync("Accettate Satispay?");
        var draft = await WaitForDraftAsync(admin, customer.ConversationKey);
        await Task.Delay(1000);
        Assert.Empty(await customer.RepliesAsync());

        await Ok(admin.PostAsync($"/api/businesses/{Business}/drafts/{Uri.EscapeDataString(draft.Id)}/approve"));

        var replies = await customer.WaitForRepliesAsync(1);
        Assert.Equal(draft.Text, replies[0]);
    }

    [Fact]
    public async Task The_event_stream_tells_the_console_about_a_new_hand_off()
    {
        var admin = await AdminSession.SignInAsync(graph.CreateClient("admin"));
        var customer = graph.NewCustomer();
        var opening = admin.OpenEventsAsync(Business);
        await Task.Delay(500);

        await customer.SendTextAsync("Voglio parlare con una persona, non con un robot.");
        await using var events = await opening;
        using var reader = new StreamReader(events);

        var deadline = DateTime.UtcNow.AddSeconds(30);
        while (DateTime.UtcNow < deadline)
        {
            var line = await reader.ReadLineAsync().Within(TimeSpan.FromSeconds(30));
            if (line is not null && line.Contains(AssistantEvent.HandoffCreated, StringComparison.Ordinal) && line.Contains(customer.Phone, StringComparison.Ordinal))
            {
                return;
            }
        }
        Assert.Fail("No handoff.created event for the customer on the stream.");
    }

    [Fact]
    public async Task A_reply_the_owner_edits_in_the_admin_is_what_the_next_customer_gets()
    {
        var admin = await AdminSession.SignInAsync(graph.CreateClient("admin"));
        const string Custom = "Grazie a Lei, a presto dallo Studio Aurora! Per urgenze ci trova al numero dello studio.";
        await Ok(admin.PutAsync($"/api/businesses/{Business}/intents/responses/thanks_goodbye/it", new { text = Custom }));
        var customer = graph.NewCustomer();

        await customer.SendTextAsync("Perfetto, grazie mille e buona giornata!");

        var replies = await customer.WaitForRepliesAsync(1);
        Assert.Equal(Custom, replies[0]);
    }

    private async Task<DraftRecord> WaitForDraftAsync(AdminSession admin, string conversationKey)
    {
        for (var i = 0; i < 300; i++)
        {
            var drafts = await admin.GetAsync<List<DraftRecord>>($"/api/businesses/{Business}/drafts");
            if (drafts.FirstOrDefault(d => d.ConversationKey == conversationKey) is { } draft)
            {
                return draft;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("No draft reached the review queue.");
    }

    private static async Task Ok(Task<HttpResponseMessage> call)
    {
        using var response = await call;
        Assert.True(response.IsSuccessStatusCode, $"{response.RequestMessage?.RequestUri}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
    }
}
