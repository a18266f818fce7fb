namespace Assistant.Core.Conversations;

/// <summary>
/// One line of a thread as the admin shows it: who wrote it, what, and for bot lines why
/// (intent, confidence, route, sources, provider).
/// </summary>
public sealed record ConversationMessage
{
    public required string Id { get; init; }

    public required string ConversationKey { get; init; }

    public required MessageAuthor Author { get; init; }

    /// <summary>The text shown; for media, the caption or a short description such as "[voice note]".</summary>
    public required string Text { get; init; }

    public required DateTimeOffset At { get; init; }

    /// <summary>WhatsApp message type of an inbound line (text, image, audio, ...).</summary>
    public string? Type { get; init; }

    /// <summary>The wamid (inbound, or outbound once sent).</summary>
    public string? Wamid { get; init; }

    /// <summary>Our outbound message id, linking the line to its delivery record.</summary>
    public string? OutboundId { get; init; }

    public string? Intent { get; init; }

    public double? Confidence { get; init; }

    /// <summary>template, knowledge, handoff, flow, media, agent...</summary>
    public string? Route { get; init; }

    public IReadOnlyList<string> Sources { get; init; } = [];

    /// <summary>The LLM provider that drafted the text, or <c>extractive</c>.</summary>
    public string? Provider { get; init; }

    /// <summary>sent, delivered, read, failed (outbound lines).</summary>
    public string? DeliveryStatus { get; init; }

    /// <summary>The agent's display name, for agent lines and notes.</summary>
    public string? AgentName { get; init; }

    /// <summary>When the inbound message reached the webhook: latency figures run from here to the send.</summary>
    public DateTimeOffset? ReceivedAt { get; init; }
}
