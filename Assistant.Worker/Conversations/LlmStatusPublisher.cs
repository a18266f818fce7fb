using Assistant.Core.Llm;
using Assistant.Core.Redis;
using StackExchange.Redis;

namespace Assistant.Worker.Conversations;

/// <summary>Every few seconds, copies this worker's LLM provider board to Redis for the admin console.</summary>
public sealed partial class LlmStatusPublisher(LlmProviderStatusBoard board, IConnectionMultiplexer redis, ILogger<LlmStatusPublisher> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await SharedLlmStatus.PublishAsync(redis.GetDatabase(), board.Snapshot());
            }
            catch (Exception ex) when (RedisFailure.IsTransient(ex))
            {
                LogPublishFailed(logger, ex);
            }
        }
        while (await timer.WaitForNextTickAsync(stoppingToken));
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "LLM status not published; next try in a few seconds")]
    private static partial void LogPublishFailed(ILogger logger, Exception exception);
}
