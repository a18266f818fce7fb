namespace Assistant.Core.Llm;

/// <summary>The provider answered HTTP 200 but with nothing usable (no text).</summary>
internal sealed class LlmReplyException(LlmFailureReason reason, string detail) : Exception(detail)
{
    public LlmFailureReason Reason { get; } = reason;
}
