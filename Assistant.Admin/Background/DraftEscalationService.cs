using Assistant.Core.Businesses;
using Assistant.Core.Conversations;
using Assistant.Core.Replies;
using Microsoft.Extensions.Options;

namespace Assistant.Admin.Background;

/// <summary>
/// Escalates drafts pending longer than <see cref="AdminOptions.DraftEscalationAfter"/>: the draft
/// moves to escalated by compare-and-set (so one replica acts), the customer gets one holding reply
/// ("a person will answer you here", the business's own text when it has one), and a hand-off opens.
/// The draft stays in the queue and can still be approved.
/// </summary>
public sealed partial class DraftEscalationService(
    BusinessDirectory businesses,
    DraftStore drafts,
    ConversationStore conversations,
    ConversationControl control,
    BusinessCustomizationStore customization,
    AssistantEventPublisher events,
    IOptions<AdminOptions> options,
    TimeProvider time,
    ILogger<DraftEscalationService> logger) : PeriodicSweep(time, logger)
{
    protected override TimeSpan Interval => options.Value.SweepInterval;

    public override async Task<int> SweepAsync(CancellationToken cancellationToken)
    {
        var now = Time.GetUtcNow();
        var cutoff = now - options.Value.DraftEscalationAfter;
        var escalated = 0;
        foreach (var business in await businesses.ListAsync())
        {
            foreach (var draft in await drafts.ListPendingAsync(business.Id, 1000))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (draft.Status != DraftStatus.Pending || draft.CreatedAt > cutoff)
                {
                    continue;
                }
                if (!await drafts.TryTransitionAsync(draft with { Status = DraftStatus.Escalated, HoldingReplySent = true }, DraftStatus.Pending))
                {
                    continue;
                }
                var conversation = await conversations.GetAsync(draft.ConversationKey);
                var text = ReplyTemplates.Render(
                    ReplyKeys.HandoffGeneric, draft.Language ?? conversation?.Language, business.Tone, business,
                    await customization.GetResponsesAsync(business.Id),
                    new Dictionary<string, string?> { ["customerName"] = conversation?.Contact.Name });
                await control.SendAsBotAsync(draft.ConversationKey, text, "hold." + draft.Id, "holding", cancellationToken: cancellationToken);
                await control.HandOffAsync(draft.ConversationKey, "review_escalated", draft.Intent, draft.Confidence, "escalated." + draft.Id);
                await events.PublishAsync(new AssistantEvent(AssistantEvent.DraftEscalated, business.Id, draft.ConversationKey, draft.Id, now));
                escalated++;
            }
        }
        if (escalated > 0)
        {
            LogEscalated(Logger, escalated);
        }
        return escalated;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Escalated {Count} drafts that waited too long")]
    private static partial void LogEscalated(ILogger logger, int count);
}
