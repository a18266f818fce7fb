namespace Assistant.Core.Llm;

/// <summary>The provider did not answer within its <c>TimeoutSeconds</c> (the caller did not cancel).</summary>
public sealed class LlmProviderTimeoutException(TimeSpan timeout)
    : TimeoutException($"The provider did not answer within {timeout.TotalSeconds:0.###} s.")
{
    public TimeSpan Timeout { get; } = timeout;
}
