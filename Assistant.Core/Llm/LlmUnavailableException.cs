namespace Assistant.Core.Llm;

/// <summary>
/// Every provider of the chain failed or is cooling down. The caller falls back to its extractive answer
/// and flags it for a person's review.
/// </summary>
public sealed class LlmUnavailableException : Exception
{
    public LlmUnavailableException(IReadOnlyList<LlmProviderFailure> failures)
        : base("No LLM provider answered: " + string.Join("; ", failures))
    {
        Failures = failures;
    }

    /// <summary>Each provider's reason, in chain order.</summary>
    public IReadOnlyList<LlmProviderFailure> Failures { get; }
}
