using Assistant.Core.Knowledge;
using Assistant.Core.Knowledge.Embeddings;
using Assistant.Core.Knowledge.Stores;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Knowledge;

/// <summary>The behaviour every <see cref="IPassageStore"/> must have; one subclass per implementation.</summary>
public abstract class PassageStoreContract
{
    protected const int Dimensions = 16;

    protected static EmbeddingSpace NewSpace() => new($"contract-{Guid.NewGuid():N}", Dimensions);

    protected abstract IPassageStore CreateStore(EmbeddingSpace space);

    [Fact]
    public async Task A_business_never_sees_another_business_passages()
    {
        var store = CreateStore(NewSpace());
        const string text = "Orari di apertura: dalle 9:00 alle 18:00";
        await store.UpsertAsync("alpha", [KnowledgeTestData.Embedded("alpha", "orari.md", 0, text, Dimensions)], CancellationToken.None).Within();
        await store.UpsertAsync("beta", [KnowledgeTestData.Embedded("beta", "orari.md", 0, text, Dimensions), KnowledgeTestData.Embedded("beta", "prezzi.md", 0, "Pulizia 90 €", Dimensions)], CancellationToken.None).Within();

        // Identical text and vector in both businesses: only the asker's comes back.
        var hits = await store.SearchAsync("alpha", CountingEmbeddingGenerator.Vector(text, Dimensions), 10, CancellationToken.None).Within();
        Assert.All(hits, h => Assert.Equal("alpha", h.Passage.BusinessId));
        Assert.Single(hits);

        Assert.All(await store.ListAsync("alpha", CancellationToken.None).Within(), p => Assert.Equal("alpha", p.BusinessId));
        Assert.Equal(2, (await store.ListAsync("beta", CancellationToken.None).Within()).Count);
        Assert.Empty(await store.SearchAsync("gamma", CountingEmbeddingGenerator.Vector(text, Dimensions), 10, CancellationToken.None).Within());
    }

    [Fact]
    public async Task Deleting_a_file_touches_only_that_file_of_that_business()
    {
        var store = CreateStore(NewSpace());
        await store.UpsertAsync("alpha", [KnowledgeTestData.Embedded("alpha", "a.md", 0, "uno", Dimensions), KnowledgeTestData.Embedded("alpha", "b.md", 0, "due", Dimensions)], CancellationToken.None).Within();
        await store.UpsertAsync("beta", [KnowledgeTestData.Embedded("beta", "a.md", 0, "uno", Dimensions)], CancellationToken.None).Within();

        await store.DeleteFileAsync("alpha", "a.md", CancellationToken.None).Within();

        Assert.Equal(["b.md"], (await store.ListAsync("alpha", CancellationToken.None).Within()).Select(p => p.FileName));
        Assert.Equal(["a.md"], (await store.ListAsync("beta", CancellationToken.None).Within()).Select(p => p.FileName));
    }

    [Fact]
    public async Task Search_ranks_by_cosine_and_keeps_the_passage_intact()
    {
        var store = CreateStore(NewSpace());
        var near = KnowledgeTestData.Embedded("alpha", "prezzi.md", 3, "pulizia denti prezzo", Dimensions);
        var far = KnowledgeTestData.Embedded("alpha", "orari.md", 0, "orari apertura sabato domenica chiuso", Dimensions);
        await store.UpsertAsync("alpha", [far, near], CancellationToken.None).Within();

        var hits = await store.SearchAsync("alpha", CountingEmbeddingGenerator.Vector("pulizia denti prezzo", Dimensions), 2, CancellationToken.None).Within();

        Assert.Equal(near.Passage, hits[0].Passage);
        Assert.True(hits[0].Score > hits[1].Score);
        Assert.InRange(hits[0].Score, 0.99, 1.01);
    }

    [Fact]
    public async Task A_write_for_one_business_cannot_carry_another_business_passage()
    {
        var store = CreateStore(NewSpace());
        await Assert.ThrowsAsync<ArgumentException>(() => store.UpsertAsync("alpha", [KnowledgeTestData.Embedded("beta", "a.md", 0, "x", Dimensions)], CancellationToken.None)).Within();
    }
}
