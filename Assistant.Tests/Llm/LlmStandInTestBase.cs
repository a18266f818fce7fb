using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Llm;

/// <summary>A fresh pair of stand-ins per test: scripts and recorded requests never leak between tests.</summary>
public abstract class LlmStandInTestBase : IAsyncLifetime
{
    protected OpenAiStandIn OpenAi { get; private set; } = null!;

    protected OllamaStandIn Ollama { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        OpenAi = await OpenAiStandIn.StartNewAsync().Within(TestTimeouts.Startup);
        Ollama = await OllamaStandIn.StartNewAsync().Within(TestTimeouts.Startup);
        Ollama.DefaultAnswer = "Risponde il modello locale: siamo aperti 9:00-18:00.";
    }

    public async Task DisposeAsync()
    {
        await OpenAi.DisposeAsync().AsTask().Within();
        await Ollama.DisposeAsync().AsTask().Within();
    }
}
