using Assistant.Core.Businesses;
using Assistant.Core.Configuration;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Assistant.Admin.Background;

/// <summary>
/// At start, copies the knowledge files, examples and custom replies of the packs under
/// <c>Assistant:PacksPath</c> into Redis for businesses that have none there yet, so the admin shows
/// and edits them. Content already in Redis (edited in the admin) is never overwritten by a restart.
/// </summary>
public sealed partial class PackContentSeeder(
    KnowledgeFileStore knowledge,
    BusinessCustomizationStore customization,
    IOptions<AssistantOptions> options,
    ILogger<PackContentSeeder> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var path = options.Value.PacksPath;
        if (string.IsNullOrWhiteSpace(path) || !Directory.Exists(path))
        {
            return;
        }
        try
        {
            await SeedAsync(path);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The profiles come from the start-up importer; the contents can be imported as a pack later.
            LogRedisUnavailable(logger, ex);
        }
    }

    private async Task SeedAsync(string path)
    {
        foreach (var pack in BusinessPackLoader.LoadAll(path))
        {
            var id = pack.Profile.Id;
            if (await knowledge.GetVersionAsync(id) == 0)
            {
                await knowledge.ReplaceAllAsync(id, pack.Knowledge);
                LogSeeded(logger, id, pack.Knowledge.Count);
            }
            if (await customization.GetVersionAsync(id) == 0)
            {
                await customization.SetExamplesAsync(id, pack.Examples);
                await customization.SetResponsesAsync(id, pack.Responses);
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Redis was not reachable; pack contents were not seeded")]
    private static partial void LogRedisUnavailable(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Seeded {Count} knowledge files of {BusinessId} from its pack")]
    private static partial void LogSeeded(ILogger logger, string businessId, int count);
}
