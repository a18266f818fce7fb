using System.Net;
using Assistant.Core.Conversations;
using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Outbound;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Assistant.Tests.Admin;

/// <summary>
/// Redis stops answering for longer than a command's timeout (5 s) under a running admin app: its
/// background work must wait it out, not end the app, and pick up again afterwards.
/// </summary>
public sealed class AdminRedisOutageTests
{
    [Fact]
    public async Task After_redis_timed_out_for_a_while_the_admin_still_serves_and_opens_handoffs()
    {
        await using var redis = await RedisServer.StartAsync().Within(TestTimeouts.Startup);
        await using var host = new AdminTestHost(redis.ConnectionString);
        using var client = await Task.Run(host.CreateClient).Within(TestTimeouts.Startup);

        // Nobody gets an answer for 7 s: every command the admin sends meanwhile times out.
        await redis.Database.ExecuteAsync("CLIENT", "PAUSE", "7000", "ALL").Within();
        await Task.Delay(TimeSpan.FromSeconds(8));

        using (var health = await client.GetAsync(new Uri("/health", UriKind.Relative)).Within())
        {
            Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        }

        // The hand-off request consumer is still there: a request written now opens a hand-off.
        var store = host.Services.GetRequiredService<ConversationStore>();
        var key = "studio-outage:393331234567";
        await store.GetOrCreateAsync("studio-outage", key, new ContactInfo("393331234567", null, "Anna")).Within();
        await host.Services.GetRequiredService<HandoffRequestPublisher>()
            .PublishAsync(new HandoffRequest("studio-outage", key, "delivery_failed", "reply.outage", "outbound")).Within();
        await Outbound.SenderHarness.EventuallyAsync(async () => (await store.GetAsync(key))?.State == ConversationState.Human, "the hand-off after the outage");
    }
}
