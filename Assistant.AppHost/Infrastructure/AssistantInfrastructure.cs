using Aspire.Hosting.ApplicationModel;

namespace Assistant.AppHost.Infrastructure;

/// <summary>What the services are wired to: Redis always; Qdrant and Ollama when the mode provides them.</summary>
public sealed record AssistantInfrastructure(
    InfrastructureMode Mode,
    IResourceBuilder<IResourceWithConnectionString> Redis,
    IResourceBuilder<IResourceWithConnectionString>? Qdrant,
    IResourceBuilder<IResourceWithConnectionString>? Ollama,
    string? OllamaChatModel,
    string? OllamaEmbeddingModel,
    int OllamaEmbeddingDimensions);
