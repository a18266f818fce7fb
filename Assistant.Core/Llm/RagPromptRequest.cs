using Assistant.Core.Businesses;

namespace Assistant.Core.Llm;

/// <summary>What <see cref="RagPromptBuilder"/> needs to ask the LLM for a grounded answer.</summary>
public sealed record RagPromptRequest
{
    /// <summary>The customer's current message.</summary>
    public required string Question { get; init; }

    /// <summary>Language to answer in (<c>it</c>, <c>en</c>, ...), as detected by the caller.</summary>
    public required string Language { get; init; }

    public required BusinessProfile Business { get; init; }

    /// <summary>Retrieved passages, best first.</summary>
    public IReadOnlyList<RagPassage> Passages { get; init; } = [];

    /// <summary>Rolling summary of the conversation so far (<see cref="ConversationSummarizer"/>), if any.</summary>
    public string? Summary { get; init; }

    /// <summary>The last few turns before <see cref="Question"/>, oldest first; without the question itself.</summary>
    public IReadOnlyList<ConversationTurn> RecentTurns { get; init; } = [];
}
