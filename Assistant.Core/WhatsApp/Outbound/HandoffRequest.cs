namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>
/// A request for a person to take over: written to <c>wa:handoff:requests</c>. <paramref name="Reason"/>
/// is a code the console puts in words (<c>outside_window</c>); <paramref name="Detail"/> is what happened, for the operator.
/// </summary>
public sealed record HandoffRequest(string BusinessId, string ConversationKey, string Reason, string? MessageId, string Source, string? Detail = null);
