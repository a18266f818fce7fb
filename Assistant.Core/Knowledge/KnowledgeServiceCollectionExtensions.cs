using Assistant.Core.Knowledge.Answering;
using Assistant.Core.Knowledge.Embeddings;
using Assistant.Core.Knowledge.Ingestion;
using Assistant.Core.Knowledge.Retrieval;
using Assistant.Core.Knowledge.Stores;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using OllamaSharp;
using Qdrant.Client;
using StackExchange.Redis;

namespace Assistant.Core.Knowledge;

public static class KnowledgeServiceCollectionExtensions
{
    /// <summary>
    /// The knowledge base: embeddings (MiniLM in-process, or Ollama when <c>ConnectionStrings:ollama</c>
    /// and <c>Knowledge:EmbeddingModel</c> are set), the passage store (Qdrant when
    /// <c>ConnectionStrings:qdrant</c> is set, else the embedded index, persisted in Redis when an
    /// <see cref="IConnectionMultiplexer"/> is registered), ingestion, retrieval and answers. The LLM
    /// chain's chat client (key <see cref="KnowledgeAnswerService.ChatClientKey"/>, registered by
    /// <c>AddLlmChain</c> in any order) writes the answers when present, from the
    /// <see cref="RagAnswerPromptBuilder"/> prompt unless another <see cref="IAnswerPromptBuilder"/> is registered first.
    /// </summary>
    public static IHostApplicationBuilder AddKnowledge(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<KnowledgeOptions>()
            .BindConfiguration(KnowledgeOptions.SectionName)
            .ValidateDataAnnotations()
            .Validate(o => o.EmbeddingModel is null || o.EmbeddingDimensions is not null, "Knowledge:EmbeddingDimensions is required with Knowledge:EmbeddingModel.")
            .ValidateOnStart();

        var ollama = builder.Configuration.GetConnectionString("ollama");
        var embeddingModel = builder.Configuration[$"{KnowledgeOptions.SectionName}:{nameof(KnowledgeOptions.EmbeddingModel)}"];
        if (!string.IsNullOrWhiteSpace(ollama) && !string.IsNullOrWhiteSpace(embeddingModel))
        {
            services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>>(_ => new OllamaApiClient(ServiceEndpoint.Parse(ollama).Endpoint, embeddingModel));
            services.AddSingleton(sp => new EmbeddingSpace(embeddingModel, sp.GetRequiredService<IOptions<KnowledgeOptions>>().Value.EmbeddingDimensions!.Value));
        }
        else
        {
            services.AddSingleton<IEmbeddingGenerator<string, Embedding<float>>, MiniLmEmbeddingGenerator>();
            services.AddSingleton(new EmbeddingSpace(MiniLmEmbeddingGenerator.ModelId, MiniLmEmbeddingGenerator.Dimensions));
        }

        var qdrant = builder.Configuration.GetConnectionString("qdrant");
        if (!string.IsNullOrWhiteSpace(qdrant))
        {
            services.AddSingleton(_ =>
            {
                var endpoint = ServiceEndpoint.Parse(qdrant);
                return new QdrantClient(endpoint.Endpoint, endpoint.Key);
            });
            services.AddSingleton<IPassageStore>(sp => new QdrantPassageStore(sp.GetRequiredService<QdrantClient>(), sp.GetRequiredService<EmbeddingSpace>()));
        }
        else
        {
            services.AddSingleton<IPassageStore>(sp => new EmbeddedPassageStore(sp.GetRequiredService<EmbeddingSpace>(), sp.GetService<IConnectionMultiplexer>()));
        }

        services.AddSingleton<KnowledgeChunker>();
        services.AddSingleton<KnowledgeIngestor>();
        services.AddSingleton<HybridRetriever>();
        services.AddSingleton<ExtractiveAnswerer>();
        // The guarded RAG prompt of the LLM slice; used whenever the chain (AddLlmChain) registers a chat client.
        services.TryAddSingleton<IAnswerPromptBuilder, RagAnswerPromptBuilder>();
        services.AddSingleton(sp => new KnowledgeAnswerService(
            sp.GetRequiredService<HybridRetriever>(),
            sp.GetRequiredService<ExtractiveAnswerer>(),
            sp.GetKeyedService<IChatClient>(KnowledgeAnswerService.ChatClientKey),
            sp.GetService<IAnswerPromptBuilder>(),
            sp.GetService<Microsoft.Extensions.Logging.ILogger<KnowledgeAnswerService>>()));
        return builder;
    }
}
