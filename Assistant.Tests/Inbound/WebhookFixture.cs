using Assistant.Tests.Infrastructure;
using StackExchange.Redis;

namespace Assistant.Tests.Inbound;

/// <summary>A test Redis and the webhook app in front of it, shared by one test class.</summary>
public sealed class WebhookFixture : IAsyncLifetime
{
    private RedisServer? _redis;
    private WebhookTestHost? _host;

    public WebhookTestHost Host => _host ?? throw new InvalidOperationException("Fixture not started.");

    public IDatabase Db => (_redis ?? throw new InvalidOperationException("Fixture not started.")).Database;

    public async Task InitializeAsync()
    {
        _redis = await RedisServer.StartAsync().Within(TestTimeouts.Startup);
        _host = new WebhookTestHost(_redis.ConnectionString);
        // Starts the app (and the pack import) now rather than inside the first test's timeout.
        await Task.Run(() => _host.CreateClient()).Within(TestTimeouts.Startup);
    }

    public async Task DisposeAsync()
    {
        if (_host is not null)
        {
            await _host.DisposeAsync();
        }
        if (_redis is not null)
        {
            await _redis.DisposeAsync();
        }
    }
}
