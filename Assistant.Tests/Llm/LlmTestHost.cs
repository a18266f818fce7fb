using System.Globalization;
using Assistant.Core.Llm;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace Assistant.Tests.Llm;

/// <summary>A host configured the way a service is (the CONTRACTS.md keys), with a fake clock, for the chain's tests.</summary>
public sealed class LlmTestHost : IDisposable
{
    public const string OpenAiKey = "gsk-test-key-a";

    private LlmTestHost(IHost host, FakeTimeProvider time)
    {
        Host = host;
        Time = time;
    }

    public IHost Host { get; }

    public FakeTimeProvider Time { get; }

    public IChatClient Chain => Host.Services.GetRequiredKeyedService<IChatClient>(LlmServiceKeys.ChatClient);

    public LlmProviderStatusBoard Board => Host.Services.GetRequiredService<LlmProviderStatusBoard>();

    public static LlmTestHost Create(IDictionary<string, string?> settings, ILoggerProvider? logs = null)
    {
        var builder = Microsoft.Extensions.Hosting.Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        if (logs is not null)
        {
            builder.Services.AddLogging(logging => logging.AddProvider(logs).SetMinimumLevel(LogLevel.Trace));
        }

        var time = new FakeTimeProvider(new DateTimeOffset(2026, 5, 12, 8, 0, 0, TimeSpan.Zero));
        builder.Services.AddSingleton<TimeProvider>(time);
        builder.AddLlmChain();
        return new LlmTestHost(builder.Build(), time);
    }

    /// <summary>Provider 0 "groq" on the OpenAI stand-in, provider 1 "local" on the Ollama stand-in.</summary>
    public static LlmTestHost Create(OpenAiStandIn openAi, OllamaStandIn ollama, double timeoutSeconds = 5, ILoggerProvider? logs = null) =>
        Create(new Dictionary<string, string?>
        {
            ["Llm:Providers:0:Name"] = "groq",
            ["Llm:Providers:0:Kind"] = "openai",
            ["Llm:Providers:0:Endpoint"] = openAi.Endpoint.ToString(),
            ["Llm:Providers:0:Model"] = "llama-3.3-70b-versatile",
            ["Llm:Providers:0:ApiKey"] = OpenAiKey,
            ["Llm:Providers:0:TimeoutSeconds"] = timeoutSeconds.ToString(CultureInfo.InvariantCulture),
            ["Llm:Providers:1:Name"] = "local",
            ["Llm:Providers:1:Kind"] = "ollama",
            ["Llm:Providers:1:Model"] = "qwen2.5:3b",
            ["Llm:Providers:1:TimeoutSeconds"] = timeoutSeconds.ToString(CultureInfo.InvariantCulture),
            ["ConnectionStrings:ollama"] = $"Endpoint={ollama.BaseUri}",
        },
        logs);

    public void Dispose() => Host.Dispose();
}
