using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Outbound;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Assistant.Worker.Sending;

/// <summary>Consumes <see cref="StreamNames.Outbound"/> with the <see cref="OutboundDispatcher"/>.</summary>
public sealed partial class OutboundSenderService(
    IConnectionMultiplexer redis,
    OutboundDispatcher dispatcher,
    OutboundFailureHandler failures,
    IWhatsAppChannel channel,
    IOptions<OutboundOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboundSenderService> logger) : BackgroundService
{
    public static StreamConsumerOptions ConsumerOptions(OutboundOptions options) => new()
    {
        StreamName = StreamNames.Outbound,
        GroupName = options.ConsumerGroup,
        BatchSize = 200,
        MaxInFlight = options.MaxInFlight,
        ClaimIdleTime = options.ClaimIdleTime,
        ClaimInterval = options.ClaimInterval,
        MaxAttempts = options.MaxDeliveries,
        DeadLetterStreamName = StreamNames.OutboundDeadLetter,
    };

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        LogStarting(logger, channel.IsSandbox ? "sandbox (no WhatsApp:AccessToken: messages are recorded, not delivered)" : "Graph API");
        var consumer = new RedisStreamConsumer(redis, ConsumerOptions(options.Value), dispatcher.HandleAsync, logger, timeProvider, failures.GiveUpAsync);
        return consumer.RunAsync(stoppingToken);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Outbound sender starting on channel: {Channel}")]
    private static partial void LogStarting(ILogger logger, string channel);
}
