using Assistant.Core.Businesses;
using Assistant.Core.Conversations;
using Microsoft.Extensions.Options;

namespace Assistant.Admin.Background;

/// <summary>
/// Gives back to the bot the conversations a person left idle for <see cref="AdminOptions.HandoffIdleRelease"/>:
/// idle counts from the last agent reply or note (or the business phone's last message), else from
/// when the conversation turned human.
/// </summary>
public sealed partial class IdleReleaseService(
    BusinessDirectory businesses,
    ConversationStore conversations,
    ConversationControl control,
    IOptions<AdminOptions> options,
    TimeProvider time,
    ILogger<IdleReleaseService> logger) : PeriodicSweep(time, logger)
{
    public const string Releaser = "auto-release";

    protected override TimeSpan Interval => options.Value.SweepInterval;

    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var cutoff = Time.GetUtcNow() - options.Value.HandoffIdleRelease;
        var released = 0;
        foreach (var business in await businesses.ListAsync())
        {
            var keys = await conversations.ListHumanAsync(business.Id);
            foreach (var conversation in await conversations.GetManyAsync(keys))
            {
                cancellationToken.ThrowIfCancellationRequested();
                var lastPersonActivity = Max(conversation.LastAgentActivityAt, conversation.HumanSince) ?? conversation.LastActivityAt;
                if (conversation.State == ConversationState.Human && lastPersonActivity < cutoff)
                {
                    await control.ReleaseAsync(conversation.Key, Releaser, cancellationToken: cancellationToken);
                    released++;
                }
            }
        }
        if (released > 0)
        {
            LogReleased(Logger, released);
        }
        return released;
    }

    private static DateTimeOffset? Max(DateTimeOffset? a, DateTimeOffset? b) => a is null ? b : b is null ? a : a > b ? a : b;

    [LoggerMessage(Level = LogLevel.Information, Message = "Released {Count} idle conversations to the bot")]
    private static partial void LogReleased(ILogger logger, int count);
}
