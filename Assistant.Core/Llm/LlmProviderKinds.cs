namespace Assistant.Core.Llm;

/// <summary>The values of <see cref="LlmProviderOptions.Kind"/>.</summary>
public static class LlmProviderKinds
{
    /// <summary>Any OpenAI-compatible chat-completions API: Groq, Mistral, OpenAI, vLLM, llama.cpp.</summary>
    public const string OpenAI = "openai";

    /// <summary>Ollama's native <c>/api/chat</c>.</summary>
    public const string Ollama = "ollama";

    public static bool IsKnown(string? kind) =>
        string.Equals(kind, OpenAI, StringComparison.OrdinalIgnoreCase)
        || string.Equals(kind, Ollama, StringComparison.OrdinalIgnoreCase);

    public static bool IsOllama(string? kind) => string.Equals(kind, Ollama, StringComparison.OrdinalIgnoreCase);
}
