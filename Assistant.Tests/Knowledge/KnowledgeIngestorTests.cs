using Assistant.Core.Businesses;
using Assistant.Core.Knowledge.Embeddings;
using Assistant.Core.Knowledge.Ingestion;
using Assistant.Core.Knowledge.Stores;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Knowledge;

public sealed class KnowledgeIngestorTests(RedisFixture redis) : IClassFixture<RedisFixture>
{
    private static readonly EmbeddingSpace Space = new("counting", 16);

    private static readonly KnowledgeFile Hours = new("orari.md", "# Orari\n\n## Apertura\n\nAperti dalle 9:00 alle 18:00.\n");
    private static readonly KnowledgeFile Prices = new("prezzi.md", "# Prezzi\n\n## Listino\n\n| Cosa | Prezzo |\n|---|---|\n| Pulizia | 90 € |\n");

    [Fact]
    public async Task Unchanged_files_do_nothing_changed_files_are_replaced_removed_files_go()
    {
        var embedder = new CountingEmbeddingGenerator(Space.Dimensions);
        var store = new EmbeddedPassageStore(Space);
        var ingestor = new KnowledgeIngestor(store, embedder, new KnowledgeChunker());

        var first = await ingestor.IngestAsync("b1", [Hours, Prices]).Within();
        Assert.Equal((2, 0, 0, 0), (first.Added, first.Changed, first.Unchanged, first.Removed));
        var embeddedAfterFirst = embedder.Embedded;
        Assert.Equal(first.PassagesEmbedded, embeddedAfterFirst);

        var again = await ingestor.IngestAsync("b1", [Hours, Prices]).Within();
        Assert.True(again.NothingChanged);
        Assert.Equal(2, again.Unchanged);
        Assert.Equal(embeddedAfterFirst, embedder.Embedded);

        var newHours = Hours with { Content = "# Orari\n\n## Apertura\n\nAperti dalle 8:00 alle 20:00.\n" };
        var changed = await ingestor.IngestAsync("b1", [newHours, Prices]).Within();
        Assert.Equal((0, 1, 1, 0), (changed.Added, changed.Changed, changed.Unchanged, changed.Removed));
        var texts = (await store.ListAsync("b1", CancellationToken.None).Within()).Select(p => p.Text).ToList();
        Assert.Contains(texts, t => t.Contains("8:00", StringComparison.Ordinal));
        Assert.DoesNotContain(texts, t => t.Contains("9:00", StringComparison.Ordinal));

        var removed = await ingestor.IngestAsync("b1", [newHours]).Within();
        Assert.Equal(1, removed.Removed);
        Assert.All(await store.ListAsync("b1", CancellationToken.None).Within(), p => Assert.Equal("orari.md", p.FileName));
    }

    [Fact]
    public async Task A_new_instance_on_the_same_redis_loads_vectors_and_embeds_nothing()
    {
        var business = $"persist-{Guid.NewGuid():N}";
        var firstEmbedder = new CountingEmbeddingGenerator(Space.Dimensions);
        var firstStore = new EmbeddedPassageStore(Space, redis.Server.Connection);
        await new KnowledgeIngestor(firstStore, firstEmbedder, new KnowledgeChunker()).IngestAsync(business, [Hours, Prices]).Within();
        Assert.True(firstEmbedder.Embedded > 0);

        // A restart: new store, new embedder, same Redis.
        var secondEmbedder = new CountingEmbeddingGenerator(Space.Dimensions);
        var secondStore = new EmbeddedPassageStore(Space, redis.Server.Connection);
        var result = await new KnowledgeIngestor(secondStore, secondEmbedder, new KnowledgeChunker()).IngestAsync(business, [Hours, Prices]).Within();

        Assert.Equal(0, secondEmbedder.Embedded);
        Assert.Equal(2, result.Unchanged);
        var hits = await secondStore.SearchAsync(business, CountingEmbeddingGenerator.Vector("Pulizia 90 €", Space.Dimensions), 1, CancellationToken.None).Within();
        Assert.Equal("prezzi.md", Assert.Single(hits).Passage.FileName);

        // A change made through one instance is seen by the other.
        await new KnowledgeIngestor(firstStore, firstEmbedder, new KnowledgeChunker()).IngestAsync(business, [Hours]).Within();
        Assert.All(await secondStore.ListAsync(business, CancellationToken.None).Within(), p => Assert.Equal("orari.md", p.FileName));
    }

    [Fact]
    public async Task Another_embedding_model_starts_its_own_index()
    {
        var business = $"model-{Guid.NewGuid():N}";
        await new KnowledgeIngestor(new EmbeddedPassageStore(Space, redis.Server.Connection), new CountingEmbeddingGenerator(16), new KnowledgeChunker()).IngestAsync(business, [Hours]).Within();

        var otherEmbedder = new CountingEmbeddingGenerator(8);
        var result = await new KnowledgeIngestor(new EmbeddedPassageStore(new EmbeddingSpace("other-model", 8), redis.Server.Connection), otherEmbedder, new KnowledgeChunker()).IngestAsync(business, [Hours]).Within();

        Assert.Equal(1, result.Added);
        Assert.True(otherEmbedder.Embedded > 0);
    }
}
