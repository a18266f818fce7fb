using Assistant.Core.Businesses;
using Assistant.Core.Knowledge.Ingestion;
using Assistant.Core.Redis;
using Microsoft.Extensions.DependencyInjection;

namespace Assistant.Worker.Conversations;

/// <summary>
/// At start: trains the classifiers and ingests each pack's knowledge (unchanged files cost
/// nothing: ingestion compares content hashes). Runs in the background and retries while Redis
/// is not reachable, so a slow dependency delays knowledge answers, never the process.
/// </summary>
public sealed partial class WorkerWarmup(
    IServiceProvider services,
    BusinessPackCatalog packs,
    BusinessContextProvider contexts,
    KnowledgeFileStore knowledgeFiles,
    WarmupState state,
    ILogger<WorkerWarmup> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await Task.Yield();
        var ingestor = services.GetService<KnowledgeIngestor>();
        foreach (var pack in packs.All)
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    // Training reads the business's customization from Redis: inside the retry, like ingestion.
                    await contexts.GetAsync(pack.Profile.Id);
                    if (ingestor is null)
                    {
                        break;
                    }
                    // Files edited in the admin win over the pack's: the pack only seeds a new business.
                    var files = await knowledgeFiles.GetVersionAsync(pack.Profile.Id) > 0
                        ? await knowledgeFiles.GetAllAsync(pack.Profile.Id)
                        : pack.Knowledge;
                    var result = await ingestor.IngestAsync(pack.Profile.Id, files, stoppingToken);
                    LogIngested(logger, pack.Profile.Id, result.PassagesTotal, result.PassagesEmbedded);
                    break;
                }
                catch (Exception ex) when (RedisFailure.IsTransient(ex))
                {
                    LogRetry(logger, ex, pack.Profile.Id);
                    await Task.Delay(TimeSpan.FromSeconds(2), stoppingToken);
                }
            }
        }
        state.MarkReady();
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Knowledge of {BusinessId} ready: {Passages} passages, {Embedded} embedded now")]
    private static partial void LogIngested(ILogger logger, string businessId, int passages, int embedded);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Knowledge ingestion of {BusinessId} waits for Redis")]
    private static partial void LogRetry(ILogger logger, Exception exception, string businessId);
}
