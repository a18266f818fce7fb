namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>A request for a person to take over: written to <c>wa:handoff:requests</c>.</summary>
public sealed record HandoffRequest(string BusinessId, string ConversationKey, string Reason, string? MessageId, string Source);
