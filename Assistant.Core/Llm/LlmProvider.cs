using Microsoft.Extensions.AI;

namespace Assistant.Core.Llm;

/// <summary>One link of the chain: its client pipeline, its breaker, and what it owns.</summary>
internal sealed class LlmProvider(string name, string kind, string model, IChatClient client, ProviderCircuitBreaker breaker, IDisposable? owned = null)
    : IDisposable
{
    public string Name { get; } = name;

    public string Kind { get; } = kind;

    public string Model { get; } = model;

    public IChatClient Client { get; } = client;

    public ProviderCircuitBreaker Breaker { get; } = breaker;

    public void Dispose()
    {
        Client.Dispose();
        owned?.Dispose();
    }
}
