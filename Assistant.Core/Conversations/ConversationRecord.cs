namespace Assistant.Core.Conversations;

/// <summary>One customer's thread with one business.</summary>
public sealed record ConversationRecord
{
    public required string Key { get; init; }

    public required string BusinessId { get; init; }

    public required ContactInfo Contact { get; init; }

    public ConversationState State { get; init; } = ConversationState.Bot;

    /// <summary>The agent who took the conversation over, when <see cref="State"/> is human.</summary>
    public string? AssignedAgent { get; init; }

    /// <summary>True from a hand-off until a person answers or releases: the inbox shows these first.</summary>
    public bool WaitingForHuman { get; init; }

    public string? HandoffReason { get; init; }

    public string? LastIntent { get; init; }

    public double? LastConfidence { get; init; }

    /// <summary>The customer's language as last detected (it, en, ...).</summary>
    public string? Language { get; init; }

    /// <summary>Rolling summary of older turns (LLM when configured, extractive otherwise).</summary>
    public string? Summary { get; init; }

    /// <summary>Messages added since the summary was last refreshed.</summary>
    public int TurnsSinceSummary { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Last customer message: the 24-hour customer service window runs from here.</summary>
    public DateTimeOffset? LastInboundAt { get; init; }

    public DateTimeOffset LastActivityAt { get; init; }

    /// <summary>
    /// When a person last gave the conversation back to the bot. Messages that arrived before it
    /// were written to the person, so the bot does not answer them afterwards.
    /// </summary>
    public DateTimeOffset? ReleasedAt { get; init; }

    /// <summary>When the state last changed to human: the automatic release counts idle time from here and from agent activity.</summary>
    public DateTimeOffset? HumanSince { get; init; }

    /// <summary>Last reply or note of a person (agent in the admin, or the business's own phone): idle time for the automatic release runs from here.</summary>
    public DateTimeOffset? LastAgentActivityAt { get; init; }
}
