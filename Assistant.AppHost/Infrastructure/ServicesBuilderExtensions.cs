using Aspire.Hosting.ApplicationModel;
using Assistant.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

internal static class ServicesBuilderExtensions
{
    private const string GroqEndpoint = "https://api.groq.com/openai/v1";
    private const string MistralEndpoint = "https://api.mistral.ai/v1";

    /// <summary>
    /// The three services, each given exactly the configuration keys of CONTRACTS.md section 1,
    /// so that what runs here is what runs in a container with plain environment variables.
    /// </summary>
    public static void AddAssistantServices(this IDistributedApplicationBuilder builder, AssistantInfrastructure infrastructure, AssistantSecrets secrets)
    {
        var config = builder.Configuration;
        var packsPath = Path.GetFullPath(config["Assistant:PacksPath"] ?? Path.Combine("..", "packs"), builder.AppHostDirectory);

        var webhook = builder.AddProject<Projects.Assistant_Webhook>("webhook")
            .WithExternalHttpEndpoints()
            .WithInfrastructure(infrastructure, packsPath)
            .WithEnvironment("WhatsApp__AppSecret", secrets.WhatsAppAppSecret)
            .WithEnvironment("WhatsApp__VerifyToken", secrets.WhatsAppVerifyToken)
            .WithHttpHealthCheck("/health");

        var replicas = int.TryParse(config["Worker:Replicas"], out var configuredReplicas) && configuredReplicas > 0 ? configuredReplicas : 1;
        var worker = builder.AddProject<Projects.Assistant_Worker>("worker")
            .WithReplicas(replicas)
            .WithInfrastructure(infrastructure, packsPath)
            .WithGraphApi(secrets, config)
            .WithLlmProviders(infrastructure, secrets, config)
            .WithHttpHealthCheck("/health");

        builder.AddProject<Projects.Assistant_Admin>("admin")
            .WithExternalHttpEndpoints()
            .WithInfrastructure(infrastructure, packsPath)
            .WithGraphApi(secrets, config)
            .WithLlmProviders(infrastructure, secrets, config)
            .WithEnvironment("Admin__InitialOwnerPassword", secrets.AdminOwnerPassword)
            // The console's "Try it" posts signed webhook bodies to the webhook, as Meta does.
            .WithReference(webhook)
            .WithEnvironment("WhatsApp__AppSecret", secrets.WhatsAppAppSecret)
            .WithHttpHealthCheck("/health")
            .WaitFor(webhook)
            .WaitFor(worker);
    }

    private static IResourceBuilder<ProjectResource> WithInfrastructure(
        this IResourceBuilder<ProjectResource> project, AssistantInfrastructure infrastructure, string packsPath)
    {
        project.WithReference(infrastructure.Redis).WaitFor(infrastructure.Redis)
            .WithEnvironment("Assistant__PacksPath", packsPath);
        if (infrastructure.Qdrant is { } qdrant)
        {
            project.WithReference(qdrant).WaitFor(qdrant);
        }
        if (infrastructure.Ollama is { } ollama)
        {
            project.WithReference(ollama).WaitFor(ollama);
            if (infrastructure.OllamaEmbeddingModel is { Length: > 0 } embeddingModel)
            {
                // The index records model and dimension; a different model re-indexes.
                project.WithEnvironment("Knowledge__EmbeddingModel", embeddingModel)
                    .WithEnvironment("Knowledge__EmbeddingDimensions", infrastructure.OllamaEmbeddingDimensions.ToString(System.Globalization.CultureInfo.InvariantCulture));
            }
        }
        return project;
    }

    private static IResourceBuilder<ProjectResource> WithGraphApi(
        this IResourceBuilder<ProjectResource> project, AssistantSecrets secrets, IConfiguration config)
    {
        if (secrets.WhatsAppAccessToken is { } token)
        {
            project.WithEnvironment("WhatsApp__AccessToken", token);
        }
        if (config["WhatsApp:GraphApiBaseUrl"] is { Length: > 0 } baseUrl)
        {
            project.WithEnvironment("WhatsApp__GraphApiBaseUrl", baseUrl);
        }
        if (config["WhatsApp:GraphApiVersion"] is { Length: > 0 } version)
        {
            project.WithEnvironment("WhatsApp__GraphApiVersion", version);
        }
        return project;
    }

    /// <summary>The fallback chain in its fixed order: Groq, then Mistral, then Ollama; only the configured ones.</summary>
    private static IResourceBuilder<ProjectResource> WithLlmProviders(
        this IResourceBuilder<ProjectResource> project, AssistantInfrastructure infrastructure, AssistantSecrets secrets, IConfiguration config)
    {
        var index = 0;
        if (secrets.GroqApiKey is { } groqKey)
        {
            project.WithLlmProvider(index++, "groq", "openai", GroqEndpoint, config["Llm:Groq:Model"] ?? "llama-3.3-70b-versatile")
                .WithEnvironment($"Llm__Providers__{index - 1}__ApiKey", groqKey);
        }
        if (secrets.MistralApiKey is { } mistralKey)
        {
            project.WithLlmProvider(index++, "mistral", "openai", MistralEndpoint, config["Llm:Mistral:Model"] ?? "mistral-small-latest")
                .WithEnvironment($"Llm__Providers__{index - 1}__ApiKey", mistralKey);
        }
        if (infrastructure.Ollama is not null && infrastructure.OllamaChatModel is { Length: > 0 } chatModel)
        {
            // No endpoint: the worker takes it from ConnectionStrings__ollama.
            project.WithLlmProvider(index, "ollama", "ollama", endpoint: null, chatModel);
        }
        return project;
    }

    private static IResourceBuilder<ProjectResource> WithLlmProvider(
        this IResourceBuilder<ProjectResource> project, int index, string name, string kind, string? endpoint, string model)
    {
        var prefix = $"Llm__Providers__{index}__";
        project.WithEnvironment(prefix + "Name", name)
            .WithEnvironment(prefix + "Kind", kind)
            .WithEnvironment(prefix + "Model", model);
        if (endpoint is not null)
        {
            project.WithEnvironment(prefix + "Endpoint", endpoint);
        }
        return project;
    }
}
