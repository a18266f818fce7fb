namespace Assistant.Tests.Infrastructure;

/// <summary>One Redis server shared by a test class (<c>IClassFixture&lt;RedisFixture&gt;</c>). Tests use distinct keys or flush.</summary>
public sealed class RedisFixture : IAsyncLifetime
{
    private RedisServer? _server;

    public RedisServer Server => _server ?? throw new InvalidOperationException("Redis fixture not started.");

    public async Task InitializeAsync() => _server = await RedisServer.StartAsync();

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }
}
