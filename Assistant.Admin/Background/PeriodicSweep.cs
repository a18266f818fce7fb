namespace Assistant.Admin.Background;

/// <summary>
/// Runs <see cref="SweepAsync"/> every <see cref="Interval"/> on the injected clock. A failed sweep
/// is logged and the next one runs on time. Sweeps are idempotent, so several admin replicas may
/// run them side by side; the per-item compare-and-set decides who acts.
/// </summary>
public abstract partial class PeriodicSweep(TimeProvider time, ILogger logger) : BackgroundService
{
    protected TimeProvider Time { get; } = time;

    protected ILogger Logger { get; } = logger;

    protected abstract TimeSpan Interval { get; }

    /// <summary>One pass; public so tests can run it at a chosen moment.</summary>
    public abstract Task<int> SweepAsync(CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        using var timer = new PeriodicTimer(Interval, Time);
        try
        {
            do
            {
                try
                {
                    await SweepAsync(stoppingToken);
                }
                catch (Exception ex) when (ex is not OperationCanceledException)
                {
                    LogSweepFailed(Logger, ex, GetType().Name);
                }
            }
            while (await timer.WaitForNextTickAsync(stoppingToken));
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Shutting down.
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "{Sweep} failed; trying again at the next interval")]
    private static partial void LogSweepFailed(ILogger logger, Exception exception, string sweep);
}
