using Assistant.Core.Conversations;

namespace Assistant.Admin.Services;

/// <summary>The inbox filters of <c>GET /api/businesses/{id}/conversations</c>.</summary>
public sealed record ConversationQuery(ConversationState? State, string? Intent, bool? Waiting, DateTimeOffset? From, DateTimeOffset? To, int Skip, int Take)
{
    public bool Matches(ConversationRecord conversation) =>
        (State is null || conversation.State == State)
        && (Intent is null || string.Equals(conversation.LastIntent, Intent, StringComparison.Ordinal))
        && (Waiting is null || conversation.WaitingForHuman == Waiting);
}
