using Assistant.Core.Knowledge;
using Assistant.Core.Knowledge.Answering;
using Assistant.Core.Knowledge.Embeddings;
using Assistant.Core.Knowledge.Ingestion;
using Assistant.Core.Knowledge.Retrieval;
using Assistant.Core.Knowledge.Stores;
using Assistant.Tests.Infrastructure;
using Microsoft.Extensions.Options;

namespace Assistant.Tests.Knowledge;

/// <summary>The dental clinic pack ingested once with the real MiniLM embeddings and the embedded index.</summary>
public sealed class AuroraKnowledgeFixture : IAsyncLifetime
{
    public const string BusinessId = "studio-dentistico-aurora";

    public MiniLmEmbeddingGenerator Embeddings { get; } = new();

    public IPassageStore Store { get; private set; } = null!;

    public HybridRetriever Retriever { get; private set; } = null!;

    public static IOptions<KnowledgeOptions> Options { get; } = Microsoft.Extensions.Options.Options.Create(new KnowledgeOptions());

    public ExtractiveAnswerer Extractive { get; } = new(Options);

    public async Task InitializeAsync()
    {
        Store = new EmbeddedPassageStore(new EmbeddingSpace(MiniLmEmbeddingGenerator.ModelId, MiniLmEmbeddingGenerator.Dimensions));
        await new KnowledgeIngestor(Store, Embeddings, new KnowledgeChunker()).IngestAsync(BusinessId, KnowledgeTestData.Aurora.Knowledge).Within(TestTimeouts.Startup);
        Retriever = new HybridRetriever(Store, Embeddings, Options);
    }

    public Task DisposeAsync()
    {
        Embeddings.Dispose();
        return Task.CompletedTask;
    }
}
