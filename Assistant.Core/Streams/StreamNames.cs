namespace Assistant.Core.Streams;

/// <summary>
/// The Redis keys the services share. One place, so the webhook, the worker, the sender and the
/// admin app can never disagree on a name.
/// </summary>
public static class StreamNames
{
    /// <summary>Normalised inbound customer messages, written by the webhook, read by the worker.</summary>
    public const string Inbound = "wa:inbound";

    /// <summary>Delivery statuses (sent, delivered, read, failed), written by the webhook, read by the sender.</summary>
    public const string Statuses = "wa:statuses";

    /// <summary>Events for a phone number no business claims: parked for the operator, never answered.</summary>
    public const string Unrouted = "wa:unrouted";

    /// <summary>Replies waiting to be delivered through the Graph API.</summary>
    public const string Outbound = "wa:outbound";

    /// <summary>Inbound events that failed too many times.</summary>
    public const string InboundDeadLetter = "wa:inbound:dead";

    /// <summary>Outbound messages that cannot be delivered, with the reason.</summary>
    public const string OutboundDeadLetter = "wa:outbound:dead";

    /// <summary>
    /// Requests for a person to take over a conversation the assistant cannot reach (fields
    /// <c>businessId</c>, <c>conversationKey</c>, <c>reason</c>, <c>messageId</c>, <c>source</c>, <c>createdAt</c>).
    /// </summary>
    public const string HandoffRequests = "wa:handoff:requests";
}
