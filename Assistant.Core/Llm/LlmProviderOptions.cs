namespace Assistant.Core.Llm;

/// <summary>One entry of <c>Llm:Providers</c>.</summary>
public sealed class LlmProviderOptions
{
    /// <summary>Shown in the admin, in metrics and in <see cref="LlmUnavailableException"/>; unique in the chain.</summary>
    public string? Name { get; set; }

    /// <summary><c>openai</c> (any OpenAI-compatible chat-completions API) or <c>ollama</c>; see <see cref="LlmProviderKinds"/>.</summary>
    public string? Kind { get; set; }

    /// <summary>
    /// Base URL. For <c>openai</c> the URL that <c>/chat/completions</c> is appended to
    /// (e.g. <c>https://api.groq.com/openai/v1</c>). For <c>ollama</c> the server root; when absent it comes
    /// from <c>ConnectionStrings:ollama</c>.
    /// </summary>
    public string? Endpoint { get; set; }

    public string? Model { get; set; }

    /// <summary>Bearer key. Never logged. Optional: local servers (Ollama, llama.cpp) need none.</summary>
    public string? ApiKey { get; set; }

    /// <summary>Per-call timeout: a provider slower than this counts as failed and the next one is tried.</summary>
    public double TimeoutSeconds { get; set; } = 20;
}
