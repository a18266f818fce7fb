namespace Assistant.Core.Conversations;

/// <summary>
/// A live update for a business's console (server-sent events) and its staff notification
/// webhook: new hand-off, new draft, new message in a conversation a person handles.
/// </summary>
public sealed record AssistantEvent(string Type, string BusinessId, string ConversationKey, string? Id, DateTimeOffset At, string? Text = null)
{
    public const string HandoffCreated = "handoff.created";
    public const string DraftCreated = "draft.created";
    public const string MessageReceived = "message.received";
    public const string ConversationReleased = "conversation.released";
    public const string ConversationTakenOver = "conversation.taken_over";
    public const string AgentReplied = "message.agent";
    public const string NoteAdded = "note.added";
    public const string DraftReviewed = "draft.reviewed";
    public const string DraftEscalated = "draft.escalated";
    public const string ConversationPaused = "conversation.paused";
}
