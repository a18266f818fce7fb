namespace Assistant.Core.Llm;

/// <summary>
/// One provider's failure in one call. <paramref name="Detail"/> is safe to log: status codes and exception
/// type names, never prompt text, replies or keys.
/// </summary>
public sealed record LlmProviderFailure(string Provider, LlmFailureReason Reason, string Detail)
{
    public override string ToString() => $"{Provider}: {Reason.ToTag()} ({Detail})";
}
