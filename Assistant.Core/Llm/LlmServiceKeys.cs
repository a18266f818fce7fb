namespace Assistant.Core.Llm;

public static class LlmServiceKeys
{
    /// <summary>Service key of the chain's <see cref="Microsoft.Extensions.AI.IChatClient"/>.</summary>
    public const string ChatClient = "assistant-llm";
}
