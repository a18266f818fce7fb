using Assistant.Core.Knowledge;
using Assistant.Core.Knowledge.Embeddings;
using Assistant.Core.Knowledge.Stores;
using Assistant.Tests.Infrastructure;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace Assistant.Tests.Knowledge;

/// <summary>
/// The store contract against Qdrant: a real server when <c>ASSISTANT_TEST_QDRANT</c> names one
/// (<c>Endpoint=http://host:6334;Key=...</c>), otherwise the in-process gRPC stand-in under the
/// real client.
/// </summary>
public sealed class QdrantPassageStoreTests : PassageStoreContract
{
    private readonly FakeQdrantCallInvoker _fake = new();

    protected override IPassageStore CreateStore(EmbeddingSpace space)
    {
        var real = Environment.GetEnvironmentVariable("ASSISTANT_TEST_QDRANT");
        if (!string.IsNullOrWhiteSpace(real))
        {
            var endpoint = ServiceEndpoint.Parse(real);
            return new QdrantPassageStore(new QdrantClient(endpoint.Endpoint, endpoint.Key), space);
        }
        return new QdrantPassageStore(new QdrantClient(new QdrantGrpcClient(_fake)), space);
    }

    [Fact]
    public async Task Every_search_scroll_and_delete_request_carries_the_business_filter()
    {
        var store = new QdrantPassageStore(new QdrantClient(new QdrantGrpcClient(_fake)), NewSpace());
        await store.UpsertAsync("alpha", [KnowledgeTestData.Embedded("alpha", "a.md", 0, "uno", Dimensions)], CancellationToken.None).Within();
        await store.SearchAsync("alpha", CountingEmbeddingGenerator.Vector("uno", Dimensions), 5, CancellationToken.None).Within();
        await store.ListAsync("alpha", CancellationToken.None).Within();
        await store.DeleteFileAsync("alpha", "a.md", CancellationToken.None).Within();
        await store.SearchAsync("beta", CountingEmbeddingGenerator.Vector("uno", Dimensions), 5, CancellationToken.None).Within();

        var reads = _fake.Requests.Where(r => r.Method is "/qdrant.Points/Query" or "/qdrant.Points/Scroll" or "/qdrant.Points/Delete").ToList();
        Assert.Equal(4, reads.Count); // search, list, delete, search
        Assert.All(reads, r =>
        {
            var filter = r.Request switch
            {
                QueryPoints q => q.Filter,
                ScrollPoints s => s.Filter,
                DeletePoints d => d.Points.Filter,
                _ => null,
            };
            Assert.NotNull(filter);
            Assert.Contains(filter.Must, c => c.Field?.Key == QdrantPassageStore.BusinessField && c.Field.Match.Keyword is "alpha" or "beta");
        });
        Assert.Equal("beta", ((QueryPoints)reads[^1].Request).Filter.Must.Single(c => c.Field.Key == QdrantPassageStore.BusinessField).Field.Match.Keyword);
        Assert.Contains(QdrantPassageStore.BusinessField, _fake.IndexedFields);
    }

    [Fact]
    public void The_collection_is_named_after_model_and_dimension()
    {
        var store = new QdrantPassageStore(new QdrantClient(new QdrantGrpcClient(_fake)), new EmbeddingSpace("all-MiniLM-L6-v2", 384));
        Assert.Equal("passages-all-minilm-l6-v2-384", store.CollectionName);
    }
}
