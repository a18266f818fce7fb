using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Outbound;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Assistant.Worker.Sending;

/// <summary>Consumes <see cref="StreamNames.Statuses"/> with the <see cref="DeliveryStatusHandler"/>.</summary>
public sealed class DeliveryStatusService(
    IConnectionMultiplexer redis,
    DeliveryStatusHandler handler,
    IOptions<OutboundOptions> options,
    TimeProvider timeProvider,
    ILogger<DeliveryStatusService> logger) : BackgroundService
{
    public static StreamConsumerOptions ConsumerOptions(OutboundOptions options) => new()
    {
        StreamName = StreamNames.Statuses,
        GroupName = options.ConsumerGroup,
        BatchSize = 100,
        MaxInFlight = 32,
        ClaimIdleTime = options.ClaimIdleTime,
        ClaimInterval = options.ClaimInterval,
        MaxAttempts = 5,
    };

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        new RedisStreamConsumer(redis, ConsumerOptions(options.Value), handler.HandleAsync, logger, timeProvider).RunAsync(stoppingToken);
}
