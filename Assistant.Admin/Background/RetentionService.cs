using Assistant.Admin.Services;
using Assistant.Core.Businesses;
using Assistant.Core.Conversations;
using Microsoft.Extensions.Options;

namespace Assistant.Admin.Background;

/// <summary>
/// Daily retention: conversations idle longer than <c>Conversations:RetentionDays</c> are erased with
/// everything derived from them (as a privacy erasure does), then <see cref="ConversationStore.DeleteExpiredAsync"/>
/// removes whatever index entry is left.
/// </summary>
public sealed partial class RetentionService(
    BusinessDirectory businesses,
    ConversationStore conversations,
    PrivacyService privacy,
    IOptions<ConversationStoreOptions> retention,
    IOptions<AdminOptions> options,
    TimeProvider time,
    ILogger<RetentionService> logger) : PeriodicSweep(time, logger)
{
    protected override TimeSpan Interval => options.Value.RetentionInterval;

    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = Time.GetUtcNow().AddDays(-retention.Value.RetentionDays);
        var deleted = 0;
        foreach (var business in await businesses.ListAsync())
        {
            var expired = await conversations.ListKeysAsync(business.Id, null, cutoff);
            foreach (var conversation in await conversations.GetManyAsync(expired))
            {
                cancellationToken.ThrowIfCancellationRequested();
                await privacy.EraseConversationAsync(conversation);
                deleted++;
            }
            deleted += await conversations.DeleteExpiredAsync(business.Id);
        }
        if (deleted > 0)
        {
            LogDeleted(Logger, deleted);
        }
        return deleted;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Retention deleted {Count} old conversations")]
    private static partial void LogDeleted(ILogger logger, int count);
}
