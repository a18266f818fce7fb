using Assistant.Core.Knowledge;
using Assistant.Core.Knowledge.Embeddings;
using Assistant.Core.Knowledge.Stores;
using Assistant.Tests.Infrastructure;
using Qdrant.Client;
using Qdrant.Client.Grpc;

namespace Assistant.Tests.Knowledge;

/// <summary>
/// The store contract against Qdrant: a real server when <c>ASSISTANT_TEST_QDRANT</c> names one
/// (<c>Endpoint=http://host:6334;Key=...</c>), otherwise the gRPC stand-in on loopback, always
/// under the real <see cref="QdrantClient"/>.
/// </summary>
public sealed class QdrantPassageStoreTests : PassageStoreContract, IAsyncLifetime
{
    private readonly List<QdrantClient> _clients = [];
    private LoopbackQdrantServer _server = null!;

    public async Task InitializeAsync() => _server = await LoopbackQdrantServer.StartNewAsync().Within(TestTimeouts.Startup);

    public async Task DisposeAsync()
    {
        foreach (var client in _clients)
        {
            client.Dispose();
        }
        await _server.DisposeAsync().AsTask().Within();
    }

    protected override IPassageStore CreateStore(EmbeddingSpace space)
    {
        var real = Environment.GetEnvironmentVariable("ASSISTANT_TEST_QDRANT");
        if (!string.IsNullOrWhiteSpace(real))
        {
            var endpoint = ServiceEndpoint.Parse(real);
            return new QdrantPassageStore(Track(new QdrantClient(endpoint.Endpoint, endpoint.Key)), space);
        }
        return new QdrantPassageStore(Track(_server.CreateClient()), space);
    }

    [Fact]
    public async Task Every_search_scroll_and_delete_request_carries_the_business_filter()
    {
        var store = new QdrantPassageStore(Track(_server.CreateClient()), NewSpace());
        await store.UpsertAsync("alpha", [KnowledgeTestData.Embedded("alpha", "a.md", 0, "uno", Dimensions)], CancellationToken.None).Within();
        await store.SearchAsync("alpha", CountingEmbeddingGenerator.Vector("uno", Dimensions), 5, CancellationToken.None).Within();
        await store.ListAsync("alpha", CancellationToken.None).Within();
        await store.DeleteFileAsync("alpha", "a.md", CancellationToken.None).Within();
        await store.SearchAsync("beta", CountingEmbeddingGenerator.Vector("uno", Dimensions), 5, CancellationToken.None).Within();

        var reads = _server.State.Requests.Where(r => r.Method is "/qdrant.Points/Query" or "/qdrant.Points/Scroll" or "/qdrant.Points/Delete").ToList();
        Assert.Equal(["/qdrant.Points/Query", "/qdrant.Points/Scroll", "/qdrant.Points/Delete", "/qdrant.Points/Query"], reads.Select(r => r.Method));
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
        Assert.Contains(QdrantPassageStore.BusinessField, _server.State.IndexedFields);
    }

    [Fact]
    public async Task A_method_the_stand_in_does_not_serve_fails_with_the_grpc_status()
    {
        using var client = _server.CreateClient();

        var error = await Assert.ThrowsAsync<Grpc.Core.RpcException>(() => client.ListCollectionsAsync().Within());

        Assert.Equal(Grpc.Core.StatusCode.Unimplemented, error.StatusCode);
    }

    [Fact]
    public void The_collection_is_named_after_model_and_dimension()
    {
        var store = new QdrantPassageStore(Track(_server.CreateClient()), new EmbeddingSpace("all-MiniLM-L6-v2", 384));
        Assert.Equal("passages-all-minilm-l6-v2-384", store.CollectionName);
    }

    private QdrantClient Track(QdrantClient client)
    {
        _clients.Add(client);
        return client;
    }
}
