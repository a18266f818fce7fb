namespace Assistant.Core.Conversations;

/// <summary>The Redis keys of conversations, hand-offs and drafts: one place, so every service agrees.</summary>
public static class ConversationKeys
{
    public static string Conversation(string key) => $"conv:{key}";

    public static string Messages(string key) => $"conv:{key}:messages";

    /// <summary>Sorted set of a business's conversation keys by last activity (unix ms).</summary>
    public static string BusinessConversations(string businessId) => $"biz:{businessId}:conversations";

    /// <summary>Sorted set of a business's conversations in the human state (score: unix ms of the change), for the automatic release.</summary>
    public static string BusinessHumanConversations(string businessId) => $"biz:{businessId}:human";

    public static string Handoff(string id) => $"handoff:{id}";

    public static string BusinessHandoffs(string businessId) => $"biz:{businessId}:handoffs";

    public static string Draft(string id) => $"draft:{id}";

    /// <summary>Sorted set of pending draft ids by creation time.</summary>
    public static string BusinessPendingDrafts(string businessId) => $"biz:{businessId}:drafts:pending";

    public static string BusinessDrafts(string businessId) => $"biz:{businessId}:drafts";

    /// <summary>Pub/sub channel of <see cref="AssistantEvent"/>s for one business.</summary>
    public static string Events(string businessId) => $"events:{businessId}";
}
