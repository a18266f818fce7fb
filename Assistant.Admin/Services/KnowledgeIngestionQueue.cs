using System.Text.Json;
using System.Threading.Channels;
using Assistant.Core.Businesses;
using Assistant.Core.Knowledge.Ingestion;
using Assistant.Core.Redis;
using StackExchange.Redis;

namespace Assistant.Admin.Services;

/// <summary>
/// Re-ingests a business's knowledge in the background after its files change: embedding can take
/// seconds, longer than a request should. Requests for a business already queued fold into one
/// run. The status lives in Redis (<c>biz:{id}:knowledge:status</c>), so any admin replica shows it.
/// </summary>
public sealed partial class KnowledgeIngestionQueue(
    IServiceProvider services,
    KnowledgeFileStore files,
    IConnectionMultiplexer redis,
    TimeProvider time,
    ILogger<KnowledgeIngestionQueue> logger) : BackgroundService
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);
    private static readonly TimeSpan RetryDelay = TimeSpan.FromSeconds(2);

    private readonly Channel<string> _requests = Channel.CreateUnbounded<string>();
    private readonly HashSet<string> _queued = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public static string StatusKey(string businessId) => $"biz:{businessId}:knowledge:status";

    public async Task<KnowledgeStatus> QueueAsync(string businessId)
    {
        var status = await GetStatusAsync(businessId) with { State = KnowledgeStatus.Queued, Error = null };
        await SaveAsync(businessId, status);
        Enqueue(businessId);
        return status;
    }

    public async Task<KnowledgeStatus> GetStatusAsync(string businessId)
    {
        var version = await files.GetVersionAsync(businessId);
        var json = await redis.GetDatabase().StringGetAsync(StatusKey(businessId));
        var stored = json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<KnowledgeStatus>(json.ToString(), Json);
        return (stored ?? new KnowledgeStatus(KnowledgeStatus.Idle, version, null, null, null, null, null, null)) with { FilesVersion = version };
    }

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var businessId in _requests.Reader.ReadAllAsync(stoppingToken))
        {
            lock (_gate)
            {
                _queued.Remove(businessId);
            }
            try
            {
                await IngestAsync(businessId, stoppingToken);
            }
            catch (Exception ex) when (RedisFailure.IsTransient(ex))
            {
                // Redis is away: the request is tried again shortly, not lost (and the admin keeps running).
                LogRetry(logger, ex, businessId);
                _ = RequeueLaterAsync(businessId, stoppingToken);
            }
        }
    }

    private async Task RequeueLaterAsync(string businessId, CancellationToken cancellationToken)
    {
        try
        {
            await Task.Delay(RetryDelay, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            return;
        }
        Enqueue(businessId);
    }

    /// <summary>Requests for a business already waiting fold into one run.</summary>
    private void Enqueue(string businessId)
    {
        lock (_gate)
        {
            if (_queued.Add(businessId))
            {
                _requests.Writer.TryWrite(businessId);
            }
        }
    }

    private async Task IngestAsync(string businessId, CancellationToken cancellationToken)
    {
        var version = await files.GetVersionAsync(businessId);
        var started = time.GetUtcNow();
        var previous = await GetStatusAsync(businessId);
        await SaveAsync(businessId, previous with { State = KnowledgeStatus.Running, StartedAt = started, FinishedAt = null, Error = null });
        try
        {
            var ingestor = services.GetRequiredService<KnowledgeIngestor>();
            var result = await ingestor.IngestAsync(businessId, await files.GetAllAsync(businessId), cancellationToken);
            await SaveAsync(businessId, new KnowledgeStatus(KnowledgeStatus.Done, version, version, started, time.GetUtcNow(), result.PassagesTotal, result.PassagesEmbedded, null));
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            await SaveAsync(businessId, previous with { State = KnowledgeStatus.Queued });
        }
        catch (Exception ex)
        {
            LogFailed(logger, ex, businessId);
            await SaveAsync(businessId, new KnowledgeStatus(KnowledgeStatus.Failed, version, previous.IngestedVersion, started, time.GetUtcNow(), null, null, ex.Message));
        }
    }

    private Task SaveAsync(string businessId, KnowledgeStatus status) =>
        redis.GetDatabase().StringSetAsync(StatusKey(businessId), JsonSerializer.Serialize(status, Json));

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge ingestion of {BusinessId} waits for Redis")]
    private static partial void LogRetry(ILogger logger, Exception exception, string businessId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Knowledge ingestion of {BusinessId} failed")]
    private static partial void LogFailed(ILogger logger, Exception exception, string businessId);
}
