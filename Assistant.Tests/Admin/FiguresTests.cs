using System.Net.Http.Json;
using Assistant.Admin.Services;
using Assistant.Core.Businesses;
using Assistant.Core.Conversations;
using Assistant.Core.WhatsApp.Outbound;
using Assistant.Tests.Infrastructure;
using StackExchange.Redis;

namespace Assistant.Tests.Admin;

[Collection(AdminCollection.Name)]
public sealed class FiguresTests(AdminFixture fixture)
{
    // Whole milliseconds, as the outbound records store them.
    private readonly DateTimeOffset _t0 = DateTimeOffset.FromUnixTimeMilliseconds(DateTimeOffset.UtcNow.AddHours(-2).ToUnixTimeMilliseconds());

    [Fact]
    public async Task Figures_of_a_seeded_conversation_set()
    {
        var business = "figures-" + Guid.NewGuid().ToString("N")[..8];
        await fixture.Service<BusinessDirectory>().UpsertAsync(AdminFixture.Profile(business, "2" + Random.Shared.Next(10_000_000, 99_999_999))).Within();

        // 1: the bot answers in 1 s, nobody else touches it: answered automatically.
        await SeedAsync(business, "391", Line(MessageAuthor.Bot, "opening_hours", sentAfterMs: 1000));
        // 2: the bot answers in 3 s, then the conversation is handed off.
        var handedOff = await SeedAsync(business, "392", Line(MessageAuthor.Bot, "price_inquiry", sentAfterMs: 3000));
        await fixture.Service<HandoffStore>().SaveAsync(new HandoffRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            BusinessId = business,
            ConversationKey = handedOff,
            Contact = new ContactInfo("392", null, null),
            Reason = "customer_request",
            CreatedAt = _t0.AddMinutes(1),
        }).Within();
        // 3: an agent answers in 60 s.
        await SeedAsync(business, "393", Line(MessageAuthor.Agent, "booking_request", sentAfterMs: 60_000, agent: "Marta"));

        // 4: the owner trying the bot from the console ("Try it"): not a customer, not counted.
        var consoleTest = await SeedAsync(business, ConsoleTestContact.PhonePrefix + "1234567", Line(MessageAuthor.Bot, "greeting", sentAfterMs: 500));
        await fixture.Service<HandoffStore>().SaveAsync(new HandoffRecord
        {
            Id = Guid.NewGuid().ToString("N"),
            BusinessId = business,
            ConversationKey = consoleTest,
            Contact = new ContactInfo(ConsoleTestContact.PhonePrefix + "1234567", null, null),
            Reason = "customer_request",
            CreatedAt = _t0.AddMinutes(1),
        }).Within();

        var drafts = fixture.Service<DraftStore>();
        await drafts.SaveAsync(Draft(business, consoleTest, DraftStatus.Approved)).Within();
        foreach (var status in new[] { DraftStatus.Approved, DraftStatus.Edited, DraftStatus.Rejected, DraftStatus.Pending, DraftStatus.Approved })
        {
            await drafts.SaveAsync(Draft(business, handedOff, status)).Within();
        }

        using var owner = await fixture.OwnerAsync();
        var from = Uri.EscapeDataString(_t0.AddHours(-1).ToString("O"));
        var to = Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(1).ToString("O"));
        var figures = (await owner.GetFromJsonAsync<BusinessFigures>($"/api/businesses/{business}/figures?from={from}&to={to}").Within())!;

        Assert.Equal(3, figures.Conversations);
        Assert.Equal(3, figures.MessagesIn);
        Assert.Equal(3, figures.MessagesOut);
        Assert.Equal(0.3333, figures.AnsweredAutomaticallyShare);
        Assert.Equal(0.3333, figures.HandedOffShare);
        Assert.Equal(new DraftFigures(5, 2, 1, 1, 0, 1), figures.Drafts);
        Assert.Equal(new LatencyFigures(3, 3000, 60_000), figures.Latency);
        var hours = Assert.Single(figures.Intents, i => i.Intent == "opening_hours");
        Assert.DoesNotContain(figures.Intents, i => i.Intent == "greeting");
        Assert.Equal(1.0, hours.AnsweredAutomaticallyShare);
        Assert.Equal(1000, hours.Latency.P50Ms);
        Assert.Equal(1.0, Assert.Single(figures.Intents, i => i.Intent == "price_inquiry").HandedOffShare);
        Assert.Equal(0.0, Assert.Single(figures.Intents, i => i.Intent == "booking_request").AnsweredAutomaticallyShare);

        // A period before everything is empty.
        var before = Uri.EscapeDataString(_t0.AddDays(-3).ToString("O"));
        var beforeEnd = Uri.EscapeDataString(_t0.AddDays(-2).ToString("O"));
        var empty = (await owner.GetFromJsonAsync<BusinessFigures>($"/api/businesses/{business}/figures?from={before}&to={beforeEnd}").Within())!;
        Assert.Equal(0, empty.Conversations);
        Assert.Null(empty.Latency.P50Ms);
    }

    private DraftRecord Draft(string business, string conversationKey, string status) => new()
    {
        Id = Guid.NewGuid().ToString("N"),
        BusinessId = business,
        ConversationKey = conversationKey,
        Question = "q",
        Text = "t",
        Confidence = 0.5,
        CreatedAt = _t0,
        Status = status,
    };

    private static (MessageAuthor Author, string Intent, int SentAfterMs, string? Agent) Line(MessageAuthor author, string intent, int sentAfterMs, string? agent = null) =>
        (author, intent, sentAfterMs, agent);

    private async Task<string> SeedAsync(string business, string phone, (MessageAuthor Author, string Intent, int SentAfterMs, string? Agent) reply)
    {
        var key = $"{business}:{phone}";
        var store = fixture.Service<ConversationStore>();
        await store.GetOrCreateAsync(business, key, new ContactInfo(phone, null, null)).Within();
        await store.AppendAsync(new ConversationMessage { Id = "in." + phone, ConversationKey = key, Author = MessageAuthor.Customer, Text = "domanda", At = _t0, ReceivedAt = _t0 }, business).Within();
        var outboundId = Guid.NewGuid().ToString("N");
        await store.AppendAsync(new ConversationMessage
        {
            Id = "out." + outboundId,
            ConversationKey = key,
            Author = reply.Author,
            Text = "risposta",
            At = _t0.AddMilliseconds(100),
            OutboundId = outboundId,
            Intent = reply.Intent,
            AgentName = reply.Agent,
            ReceivedAt = _t0,
        }, business).Within();
        await fixture.Db.HashSetAsync(OutboundRecordStore.Key(outboundId),
        [
            new HashEntry("state", OutboundState.Sent),
            new HashEntry("sentAt", _t0.AddMilliseconds(reply.SentAfterMs).ToUnixTimeMilliseconds()),
        ]).Within();
        return key;
    }
}
