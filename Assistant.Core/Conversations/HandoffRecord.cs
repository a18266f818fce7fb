namespace Assistant.Core.Conversations;

/// <summary>
/// Why and when a conversation went to a person, with what the person needs to pick it up
/// without asking the customer to repeat themselves.
/// </summary>
public sealed record HandoffRecord
{
    public required string Id { get; init; }

    public required string BusinessId { get; init; }

    public required string ConversationKey { get; init; }

    public required ContactInfo Contact { get; init; }

    /// <summary>always_human, low_confidence, customer_request, flow, outside_window, no_answer, review_escalated, business_phone, processing_failed (the worker gave up on a message)...</summary>
    public required string Reason { get; init; }

    public string? Intent { get; init; }

    public double? Confidence { get; init; }

    public string? Summary { get; init; }

    public IReadOnlyList<ConversationMessage> LastMessages { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>open until someone takes it or the conversation is released.</summary>
    public string Status { get; init; } = "open";
}
