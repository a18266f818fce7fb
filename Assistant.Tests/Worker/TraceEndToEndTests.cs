using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Inbound;
using Assistant.Tests.AppHost;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Worker;

[Collection(AssistantGraphCollection.Name)]
public sealed class TraceEndToEndTests(AssistantGraphFixture graph)
{
    [Fact]
    public async Task A_signed_text_reaches_the_inbound_stream_with_the_webhook_trace_context()
    {
        var customer = graph.NewCustomer();

        var wamid = await customer.SendTextAsync("Buonasera, siete aperti domani?");

        var entries = await graph.Redis.GetDatabase().StreamRangeAsync(StreamNames.Inbound, "-", "+").Within();
        var entry = Assert.Single(entries, e => ((string?)e[InboundStreamFields.Event])?.Contains(wamid, StringComparison.Ordinal) == true);
        Assert.Equal(customer.ConversationKey, (string?)entry[InboundStreamFields.Conversation]);
        var traceparent = (string?)entry[InboundStreamFields.TraceParent];
        Assert.Matches("^00-[0-9a-f]{32}-[0-9a-f]{16}-0[01]$", traceparent);
    }
}
