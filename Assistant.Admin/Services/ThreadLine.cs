using Assistant.Core.Conversations;

namespace Assistant.Admin.Services;

/// <summary>One line of a thread with its current delivery state (queued, sent, delivered, read, failed...) from the outbound record.</summary>
public sealed record ThreadLine(ConversationMessage Message, string? Delivery, DateTimeOffset? SentAt, string? DeliveryError);
