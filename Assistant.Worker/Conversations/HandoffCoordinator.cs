using Assistant.Core.Conversations;

namespace Assistant.Worker.Conversations;

/// <summary>
/// Puts a conversation in a person's hands: the state turns human at once (the bot stays silent
/// from the next message on), a hand-off record carries what the person needs, and the console
/// is told live.
/// </summary>
public sealed class HandoffCoordinator(ConversationStore conversations, HandoffStore handoffs, AssistantEventPublisher events, TimeProvider time)
{
    public async Task<HandoffRecord> HandOffAsync(ConversationRecord conversation, string reason, string? intent, double? confidence, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var updated = await conversations.UpdateAsync(conversation.Key, c => c with
        {
            State = ConversationState.Human,
            WaitingForHuman = true,
            HandoffReason = reason,
            HumanSince = now,
            LastActivityAt = now,
        }) ?? conversation;

        var handoff = new HandoffRecord
        {
            Id = Guid.CreateVersion7().ToString("N"),
            BusinessId = conversation.BusinessId,
            ConversationKey = conversation.Key,
            Contact = conversation.Contact,
            Reason = reason,
            Intent = intent,
            Confidence = confidence,
            Summary = updated.Summary,
            LastMessages = await conversations.GetMessagesAsync(conversation.Key, 10),
            CreatedAt = now,
        };
        cancellationToken.ThrowIfCancellationRequested();
        await handoffs.SaveAsync(handoff);
        await events.PublishAsync(new AssistantEvent(AssistantEvent.HandoffCreated, conversation.BusinessId, conversation.Key, handoff.Id, now, reason));
        return handoff;
    }
}
