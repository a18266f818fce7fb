using Aspire.Hosting;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.AppHost;

[Collection(AssistantGraphCollection.Name)]
public sealed class AssistantGraphTests(AssistantGraphFixture graph)
{
    [Fact]
    public async Task Every_service_reports_healthy_over_http()
    {
        foreach (var service in AssistantGraphFixture.Services)
        {
            using var client = graph.CreateClient(service);
            using var health = await client.GetAsync(new Uri("/health", UriKind.Relative)).Within();
            using var alive = await client.GetAsync(new Uri("/alive", UriKind.Relative)).Within();
            Assert.True(health.IsSuccessStatusCode, $"{service} /health answered {(int)health.StatusCode}");
            Assert.True(alive.IsSuccessStatusCode, $"{service} /alive answered {(int)alive.StatusCode}");
        }
    }

    [Fact]
    public async Task Webhook_answers_metas_verification_handshake_through_the_graph()
    {
        using var client = graph.CreateClient("webhook");

        var ok = await client.GetAsync(new Uri(
            $"/webhook?hub.mode=subscribe&hub.verify_token={AppHostArguments.VerifyToken}&hub.challenge=1158201444", UriKind.Relative)).Within();
        var refused = await client.GetAsync(new Uri(
            "/webhook?hub.mode=subscribe&hub.verify_token=wrong&hub.challenge=1158201444", UriKind.Relative)).Within();

        Assert.Equal(System.Net.HttpStatusCode.OK, ok.StatusCode);
        Assert.Equal("1158201444", await ok.Content.ReadAsStringAsync().Within());
        Assert.Equal(System.Net.HttpStatusCode.Forbidden, refused.StatusCode);
    }
}
