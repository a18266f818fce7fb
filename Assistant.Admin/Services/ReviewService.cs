using Assistant.Admin.Security;
using Assistant.Core.Conversations;

namespace Assistant.Admin.Services;

/// <summary>
/// The review queue: a person approves, edits or rejects a draft the bot was not sure of. The
/// draft's state moves first with a compare-and-set, and only the winner sends, so two reviewers
/// clicking at once send the answer once; the outbound id is the draft's, so a retry queues nothing new.
/// </summary>
public sealed class ReviewService(DraftStore drafts, ConversationControl control, AssistantEventPublisher events, TimeProvider time)
{
    public const string RejectHandOff = "handoff";
    public const string RejectReply = "reply";

    public async Task<(ReviewOutcome Outcome, DraftRecord? Draft)> ApproveAsync(string businessId, string draftId, AdminCaller caller, string? editedText, CancellationToken cancellationToken)
    {
        var draft = await drafts.GetAsync(draftId);
        if (draft is null || draft.BusinessId != businessId)
        {
            return (ReviewOutcome.NotFound, null);
        }
        var edited = editedText is not null && editedText != draft.Text;
        var updated = draft with
        {
            Status = edited ? DraftStatus.Edited : DraftStatus.Approved,
            SentText = edited ? editedText : null,
            ReviewedBy = caller.Name,
            ReviewedAt = time.GetUtcNow(),
        };
        if (!IsOpen(draft) || !await drafts.TryTransitionAsync(updated, draft.Status))
        {
            return (ReviewOutcome.AlreadyReviewed, await drafts.GetAsync(draftId));
        }
        await control.SendAsBotAsync(
            draft.ConversationKey, edited ? editedText! : draft.Text, "review." + draft.Id, edited ? "review_edited" : "review",
            caller.Name, draft.Intent, draft.Confidence, draft.Passages.Select(p => p.Source).ToList(), draft.Provider, cancellationToken);
        await events.PublishAsync(new AssistantEvent(AssistantEvent.DraftReviewed, businessId, draft.ConversationKey, draft.Id, time.GetUtcNow(), updated.Status));
        return (ReviewOutcome.Done, updated);
    }

    /// <summary>Rejects the draft and either hands the conversation to a person or sends <paramref name="replyText"/> as the reviewer.</summary>
    public async Task<(ReviewOutcome Outcome, DraftRecord? Draft)> RejectAsync(string businessId, string draftId, AdminCaller caller, string action, string? replyText, CancellationToken cancellationToken)
    {
        var draft = await drafts.GetAsync(draftId);
        if (draft is null || draft.BusinessId != businessId)
        {
            return (ReviewOutcome.NotFound, null);
        }
        var updated = draft with { Status = DraftStatus.Rejected, RejectAction = action, ReviewedBy = caller.Name, ReviewedAt = time.GetUtcNow() };
        if (!IsOpen(draft) || !await drafts.TryTransitionAsync(updated, draft.Status))
        {
            return (ReviewOutcome.AlreadyReviewed, await drafts.GetAsync(draftId));
        }
        if (action == RejectReply)
        {
            await control.ReplyAsAgentAsync(draft.ConversationKey, caller.Name, replyText!, "review." + draft.Id, cancellationToken: cancellationToken);
        }
        else
        {
            await control.HandOffAsync(draft.ConversationKey, "review_rejected", draft.Intent, draft.Confidence, "rejected." + draft.Id);
        }
        await events.PublishAsync(new AssistantEvent(AssistantEvent.DraftReviewed, businessId, draft.ConversationKey, draft.Id, time.GetUtcNow(), updated.Status));
        return (ReviewOutcome.Done, updated);
    }

    private static bool IsOpen(DraftRecord draft) => draft.Status is DraftStatus.Pending or DraftStatus.Escalated;
}
