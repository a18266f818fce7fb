namespace Assistant.Core.Knowledge.Retrieval;

/// <summary>
/// The best passages for a question, best first, and how far to trust them. <see cref="Confidence"/>
/// (0..1) is how well the best single statement of the top passages answers (see
/// <see cref="StatementScorer"/>): a passage about the right thing that lacks what was asked
/// ("does the flat have air conditioning?") scores low, which is when the assistant should abstain.
/// <see cref="ExpectedKinds"/>: the kinds of fact the question asks for.
/// </summary>
public sealed record RetrievalResult(
    string Question,
    IReadOnlyList<RetrievedPassage> Passages,
    IReadOnlyList<QueryConcept> Concepts,
    double Confidence,
    bool IsAnswerable,
    TimeSpan Elapsed,
    AnswerKind ExpectedKinds = AnswerKind.None)
{
    public static RetrievalResult Empty(string question, TimeSpan elapsed) => new(question, [], [], 0, false, elapsed);

    /// <summary>Distinct source files of the passages, in rank order.</summary>
    public IReadOnlyList<string> SourceFiles => Passages.Select(p => p.Passage.FileName).Distinct(StringComparer.Ordinal).ToList();
}
