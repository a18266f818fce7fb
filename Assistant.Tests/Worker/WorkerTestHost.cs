using Assistant.Tests.AppHost;
using Assistant.Worker.Inbound;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Tests.Worker;

/// <summary>
/// The real worker app in process against a test Redis, with the repo's packs and the sandbox
/// channel; <paramref name="configureServices"/> lets a test put a fault in.
/// </summary>
public sealed class WorkerTestHost(string redisConnectionString, Action<IServiceCollection>? configureServices = null)
    : WebApplicationFactory<InboundConsumerService>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:redis", redisConnectionString);
        builder.UseSetting("Assistant:PacksPath", Path.Combine(AppHostArguments.RepositoryRoot, "packs"));
        // A dead worker's messages are taken over after a second, not thirty.
        builder.UseSetting("Worker:Inbound:ClaimIdleTime", "00:00:01");
        builder.UseSetting("Worker:Inbound:DebounceWindow", "00:00:00");
        // The same for the sender's messages: a reply the dead worker queued is delivered by the next one.
        builder.UseSetting("Outbound:ClaimIdleTime", "00:00:01");
        builder.UseSetting("Outbound:ClaimInterval", "00:00:00.200");
        builder.UseSetting("Outbound:SendTimeout", "00:00:01");
        builder.UseSetting("Outbound:SendLease", "00:00:02");
        builder.UseSetting("Outbound:UnknownOutcomeGrace", "00:00:01");
        if (configureServices is not null)
        {
            builder.ConfigureTestServices(configureServices);
        }
    }

    /// <summary>Starts the host (its hosted services begin consuming) and waits until it reports ready.</summary>
    public async Task StartAsync()
    {
        using var client = CreateClient();
        for (var i = 0; i < 600; i++)
        {
            using var response = await client.GetAsync(new Uri("/health", UriKind.Relative));
            if (response.IsSuccessStatusCode)
            {
                return;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException("The worker did not become ready in 60 s.");
    }
}
