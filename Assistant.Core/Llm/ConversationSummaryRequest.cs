namespace Assistant.Core.Llm;

/// <summary>Input of <see cref="ConversationSummarizer"/>: the summary so far and the turns since it was made.</summary>
public sealed record ConversationSummaryRequest
{
    public string? PreviousSummary { get; init; }

    /// <summary>Turns since <see cref="PreviousSummary"/>, oldest first.</summary>
    public required IReadOnlyList<ConversationTurn> NewTurns { get; init; }

    /// <summary>The conversation's language (<c>it</c>, <c>en</c>, ...): the summary is written in it.</summary>
    public required string Language { get; init; }
}
