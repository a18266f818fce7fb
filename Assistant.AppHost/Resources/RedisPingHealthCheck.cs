using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace Assistant.AppHost.Resources;

/// <summary>Healthy when Redis answers PING. One connection, opened on first use and kept.</summary>
internal sealed class RedisPingHealthCheck(Func<string?> connectionString) : IHealthCheck, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ConnectionMultiplexer? _connection;

    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var connection = await ConnectAsync(cancellationToken);
            if (connection is null)
            {
                return HealthCheckResult.Unhealthy("No connection string yet.");
            }
            var latency = await connection.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Unhealthy("Redis does not answer PING.", ex);
        }
    }

    private async Task<ConnectionMultiplexer?> ConnectAsync(CancellationToken cancellationToken)
    {
        if (_connection is { IsConnected: true })
        {
            return _connection;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (_connection is { IsConnected: true })
            {
                return _connection;
            }
            if (connectionString() is not { Length: > 0 } value)
            {
                return null;
            }
            if (_connection is not null)
            {
                await _connection.DisposeAsync();
            }
            _connection = await ConnectionMultiplexer.ConnectAsync($"{value},abortConnect=true,connectTimeout=2000");
            return _connection;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (_connection is not null)
        {
            await _connection.DisposeAsync();
        }
        _gate.Dispose();
    }
}
