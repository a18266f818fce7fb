using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Assistant.Core.Streams;

/// <summary>
/// A hosted service that consumes one stream with a <see cref="RedisStreamConsumer"/>: derive,
/// pass the options, implement <see cref="HandleAsync"/>. Returning acks the entry; throwing
/// leaves it pending for a retry (and dead-letters it after the last attempt).
/// </summary>
public abstract class RedisStreamConsumerService : BackgroundService
{
    protected RedisStreamConsumerService(IConnectionMultiplexer redis, StreamConsumerOptions options, ILogger logger, TimeProvider? timeProvider = null)
    {
        Consumer = new RedisStreamConsumer(redis, options, HandleAsync, logger, timeProvider);
    }

    protected RedisStreamConsumer Consumer { get; }

    protected abstract Task HandleAsync(StreamEntry entry, CancellationToken cancellationToken);

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Consumer.RunAsync(stoppingToken);
}
