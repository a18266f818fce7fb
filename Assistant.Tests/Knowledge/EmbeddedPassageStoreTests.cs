using Assistant.Core.Knowledge.Embeddings;
using Assistant.Core.Knowledge.Stores;
using Assistant.Tests.Infrastructure;

namespace Assistant.Tests.Knowledge;

/// <summary>The store contract against the embedded index persisted in a real Redis.</summary>
public sealed class EmbeddedPassageStoreTests(RedisFixture redis) : PassageStoreContract, IClassFixture<RedisFixture>
{
    protected override IPassageStore CreateStore(EmbeddingSpace space) => new EmbeddedPassageStore(space, redis.Server.Connection);
}

/// <summary>The store contract against the embedded index in memory only (the eval command's mode).</summary>
public sealed class InMemoryPassageStoreTests : PassageStoreContract
{
    protected override IPassageStore CreateStore(EmbeddingSpace space) => new EmbeddedPassageStore(space);
}
