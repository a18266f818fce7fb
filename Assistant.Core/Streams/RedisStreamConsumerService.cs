using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using StackExchange.Redis;

namespace Assistant.Core.Streams;

/// <summary>
/// A hosted service that consumes one stream with a <see cref="RedisStreamConsumer"/>: derive,
/// pass the options, implement <see cref="HandleAsync"/>. Returning acks the entry; throwing
/// leaves it pending for a retry (and dead-letters it after the last attempt, after
/// <see cref="OnDeadLetterAsync"/>).
/// </summary>
public abstract class RedisStreamConsumerService : BackgroundService
{
    protected RedisStreamConsumerService(IConnectionMultiplexer redis, StreamConsumerOptions options, ILogger logger, TimeProvider? timeProvider = null)
    {
        Consumer = new RedisStreamConsumer(redis, options, HandleAsync, logger, timeProvider, OnDeadLetterAsync);
    }

    protected RedisStreamConsumer Consumer { get; }

    protected abstract Task HandleAsync(StreamEntry entry, CancellationToken cancellationToken);

    /// <summary>Runs once for an entry about to be dead-lettered (with the last error): whatever must not be left undone when the handler gave up.</summary>
    protected virtual Task OnDeadLetterAsync(StreamEntry entry, string error, CancellationToken cancellationToken) => Task.CompletedTask;

    protected override Task ExecuteAsync(CancellationToken stoppingToken) => Consumer.RunAsync(stoppingToken);
}
