using Aspire.Hosting;
using Aspire.Hosting.Testing;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Assistant.Tests.AppHost;

/// <summary>
/// The whole assistant graph (local mode: redis-server process, webhook, worker, admin), started
/// once for every test in <see cref="AssistantGraphCollection"/> and stopped at the end.
/// </summary>
public sealed class AssistantGraphFixture : IAsyncLifetime
{
    private readonly string _dataPath = Directory.CreateTempSubdirectory("assistant-graph-").FullName;
    private DistributedApplication? _app;
    private StackExchange.Redis.ConnectionMultiplexer? _redis;

    public DistributedApplication App => _app ?? throw new InvalidOperationException("Graph not started.");

    public static readonly string[] Services = ["webhook", "worker", "admin"];

    public async Task InitializeAsync()
    {
        var builder = await DistributedApplicationTestingBuilder
            .CreateAsync<Projects.Assistant_AppHost>(AppHostArguments.For("local", _dataPath, "Worker:Replicas=2"))
            .Within(TestTimeouts.Startup);
        builder.Services.AddLogging(logging => logging
            .SetMinimumLevel(LogLevel.Warning)
            .AddFilter("Aspire.Hosting.Dcp", LogLevel.Error)
            .AddFilter("Aspire.Hosting", LogLevel.Warning)
            .AddFilter("Assistant.AppHost.Resources", LogLevel.Warning)
            .AddFilter("System.Net.Http", LogLevel.Warning)
            .AddFilter("Polly", LogLevel.Warning)
            .AddFilter("Microsoft", LogLevel.Warning));
        builder.Services.ConfigureHttpClientDefaults(http => http.AddStandardResilienceHandler());

        _app = await builder.BuildAsync().Within(TestTimeouts.Startup);
        await _app.StartAsync().Within(TestTimeouts.Startup);

        await _app.ResourceNotifications.WaitForResourceHealthyAsync("redis").Within(TestTimeouts.Startup);
        foreach (var service in Services)
        {
            await _app.ResourceNotifications.WaitForResourceHealthyAsync(service).Within(TestTimeouts.Startup);
        }

        var redisConnection = await _app.GetConnectionStringAsync("redis").Within(TestTimeouts.Startup);
        _redis = await StackExchange.Redis.ConnectionMultiplexer.ConnectAsync(redisConnection!).Within();
    }

    /// <summary>The graph's Redis, to read what the services wrote (sandbox deliveries, conversations).</summary>
    public StackExchange.Redis.ConnectionMultiplexer Redis => _redis ?? throw new InvalidOperationException("Graph not started.");

    private int _customers;

    /// <summary>A new customer with a phone number no other test uses.</summary>
    public Worker.SimulatedCustomer NewCustomer(string name = "Giulia Bianchi") =>
        new(CreateClient("webhook"), Redis, $"39333{Interlocked.Increment(ref _customers):D3}{Random.Shared.Next(1000, 9999)}", name);

    public HttpClient CreateClient(string resource) => App.CreateHttpClient(resource);

    public async Task DisposeAsync()
    {
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
        if (_app is not null)
        {
            await _app.StopAsync().Within(TestTimeouts.Startup);
            await _app.DisposeAsync();
        }
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // redis-server may still be closing its files; the temp cleaner takes the rest.
        }
    }
}
