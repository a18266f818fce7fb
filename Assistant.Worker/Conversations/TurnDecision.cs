using Assistant.Core.Knowledge.Answering;

namespace Assistant.Worker.Conversations;

/// <summary>What to do with a customer's turn.</summary>
public sealed record TurnDecision
{
    /// <summary>One of <see cref="Routes"/>.</summary>
    public required string Route { get; init; }

    /// <summary>The reply to send now; null for a silent turn or a draft that waits for review.</summary>
    public string? Reply { get; init; }

    public string? Intent { get; init; }

    public double? Confidence { get; init; }

    public required string Language { get; init; }

    /// <summary>Set when the conversation goes to a person: the reason shown to the agent.</summary>
    public string? HandoffReason { get; init; }

    /// <summary>A drafted answer that waits for a person's approval (below the business's auto-send confidence).</summary>
    public KnowledgeAnswer? Draft { get; init; }

    public IReadOnlyList<string> Sources { get; init; } = [];

    public string? Provider { get; init; }

    /// <summary>The customer asked not to be written to again.</summary>
    public bool OptOut { get; init; }
}
