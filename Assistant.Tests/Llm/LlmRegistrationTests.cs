using Assistant.Core.Llm;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Assistant.Tests.Llm;

public sealed class LlmRegistrationTests
{
    [Fact]
    public async Task Without_providers_nothing_is_registered_and_the_summariser_is_extractive()
    {
        using var host = LlmTestHost.Create(new Dictionary<string, string?>());

        await host.Host.StartAsync().Within();

        Assert.Null(host.Host.Services.GetKeyedService<IChatClient>(LlmServiceKeys.ChatClient));
        Assert.Null(host.Host.Services.GetService<IChatClient>());
        Assert.Null(host.Host.Services.GetService<LlmProviderStatusBoard>());
        var summarizer = host.Host.Services.GetRequiredService<ConversationSummarizer>();
        var summary = await summarizer.SummarizeAsync(new ConversationSummaryRequest
        {
            Language = "it",
            NewTurns = [new(ConversationRole.Customer, "Buongiorno, mi chiamo Giulia Bianchi e vorrei un appuntamento martedì alle 15")],
        }).Within();
        Assert.Contains("Giulia Bianchi", summary, StringComparison.Ordinal);
        await host.Host.StopAsync().Within();
    }

    [Fact]
    public void Environment_style_keys_bind_in_order_and_ollama_takes_its_endpoint_from_the_connection_string()
    {
        using var host = LlmTestHost.Create(new Dictionary<string, string?>
        {
            ["Llm:Providers:0:Name"] = "groq",
            ["Llm:Providers:0:Kind"] = "openai",
            ["Llm:Providers:0:Endpoint"] = "https://api.groq.com/openai/v1",
            ["Llm:Providers:0:Model"] = "llama-3.3-70b-versatile",
            ["Llm:Providers:0:ApiKey"] = "k",
            ["Llm:Providers:1:Name"] = "ollama",
            ["Llm:Providers:1:Kind"] = "ollama",
            ["Llm:Providers:1:Model"] = "qwen2.5:3b",
            ["ConnectionStrings:ollama"] = "Endpoint=http://ollama-host:11434",
        });

        var options = host.Host.Services.GetRequiredService<IOptions<LlmOptions>>().Value;
        var chain = Assert.IsType<FallbackChatClient>(host.Chain);

        Assert.Equal(["groq", "ollama"], chain.ProviderNames);
        Assert.Equal("http://ollama-host:11434", options.Providers[1].Endpoint);
        Assert.Equal(20, options.Providers[0].TimeoutSeconds);
        Assert.Equal(["groq", "ollama"], host.Board.Snapshot().Select(s => s.Name));
        Assert.Same(chain, host.Host.Services.GetRequiredService<FallbackChatClient>());
    }

    public static TheoryData<string, string?, string> InvalidProviders => new()
    {
        { "Kind", "anthropic", "Kind must be" },
        { "Endpoint", "not a url", "Endpoint must be an http(s) URL" },
        { "Endpoint", "ftp://host/v1", "Endpoint must be an http(s) URL" },
        { "Model", "", "Model is required" },
        { "TimeoutSeconds", "0", "TimeoutSeconds must be" },
    };

    [Theory]
    [MemberData(nameof(InvalidProviders))]
    public async Task An_invalid_provider_fails_start(string key, string? value, string message)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Llm:Providers:0:Name"] = "p",
            ["Llm:Providers:0:Kind"] = "openai",
            ["Llm:Providers:0:Endpoint"] = "http://127.0.0.1:1/v1",
            ["Llm:Providers:0:Model"] = "m",
        };
        settings["Llm:Providers:0:" + key] = value;
        using var host = LlmTestHost.Create(settings);

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.Host.StartAsync().Within());

        Assert.Contains(exception.Failures, f => f.Contains("Llm:Providers:0:" + key, StringComparison.Ordinal) && f.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public async Task An_ollama_provider_without_endpoint_or_connection_string_fails_start()
    {
        using var host = LlmTestHost.Create(new Dictionary<string, string?>
        {
            ["Llm:Providers:0:Name"] = "local",
            ["Llm:Providers:0:Kind"] = "ollama",
            ["Llm:Providers:0:Model"] = "qwen2.5:3b",
        });

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.Host.StartAsync().Within());

        Assert.Contains(exception.Failures, f => f.Contains("ConnectionStrings:ollama", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Duplicate_provider_names_fail_start()
    {
        using var host = LlmTestHost.Create(new Dictionary<string, string?>
        {
            ["Llm:Providers:0:Name"] = "groq",
            ["Llm:Providers:0:Kind"] = "openai",
            ["Llm:Providers:0:Endpoint"] = "https://api.groq.com/openai/v1",
            ["Llm:Providers:0:Model"] = "a",
            ["Llm:Providers:1:Name"] = "GROQ",
            ["Llm:Providers:1:Kind"] = "openai",
            ["Llm:Providers:1:Endpoint"] = "https://api.groq.com/openai/v1",
            ["Llm:Providers:1:Model"] = "b",
        });

        var exception = await Assert.ThrowsAsync<OptionsValidationException>(() => host.Host.StartAsync().Within());

        Assert.Contains(exception.Failures, f => f.Contains("is used by another provider", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("Endpoint=http://h:11434", "http://h:11434")]
    [InlineData("http://h:11434", "http://h:11434")]
    [InlineData("Endpoint=http://h:11434;Model=x", "http://h:11434")]
    [InlineData("", null)]
    [InlineData("Key=only", null)]
    public void Ollama_connection_string_endpoint(string connectionString, string? expected) =>
        Assert.Equal(expected, OllamaConnectionString.GetEndpoint(connectionString));
}
