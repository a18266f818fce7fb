using System.Diagnostics;
using System.Net;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Inbound;

public sealed class RedisOutageTests
{
    [Fact]
    public async Task Redis_down_answers_503_quickly_and_the_retry_after_restart_is_queued_once()
    {
        var redis = await RedisServer.StartAsync().Within(TestTimeouts.Startup);
        RedisServer? restarted = null;
        try
        {
            using var host = new WebhookTestHost(redis.ConnectionString);
            await Task.Run(() => host.CreateClient()).Within(TestTimeouts.Startup);
            var id = "wamid.outage" + Guid.NewGuid().ToString("N");
            var body = Payloads.Text(id);

            await redis.StopAsync().Within();
            var clock = Stopwatch.StartNew();
            using (var down = await host.PostAsync(body))
            {
                clock.Stop();
                Assert.Equal(HttpStatusCode.ServiceUnavailable, down.StatusCode);
                // The server gives up after Webhook:EnqueueTimeout (1 s); the rest is slack for a loaded test machine.
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(3), $"503 took {clock.Elapsed}");
            }

            restarted = await redis.RestartAsync().Within(TestTimeouts.Startup);

            // Meta retries until it gets a 200; the client needs a moment to reconnect.
            var deadline = DateTime.UtcNow.AddSeconds(30);
            HttpStatusCode status;
            do
            {
                using var retry = await host.PostAsync(body);
                status = retry.StatusCode;
                if (status != HttpStatusCode.OK)
                {
                    Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
                    await Task.Delay(250);
                }
            }
            while (status != HttpStatusCode.OK && DateTime.UtcNow < deadline);
            Assert.Equal(HttpStatusCode.OK, status);

            // One more delivery of the same body, as Meta may do after a slow 200.
            using (var again = await host.PostAsync(body))
            {
                Assert.Equal(HttpStatusCode.OK, again.StatusCode);
            }
            Assert.Single(await WebhookTestHost.InboundAsync(restarted.Database, id));
        }
        finally
        {
            if (restarted is not null)
            {
                await restarted.DisposeAsync();
            }
            await redis.DisposeAsync();
        }
    }
}
