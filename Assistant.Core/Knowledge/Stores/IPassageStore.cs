using Assistant.Core.Knowledge.Embeddings;

namespace Assistant.Core.Knowledge.Stores;

/// <summary>
/// Passages with their vectors, per business, in one embedding space. Every read is scoped to one
/// business: no method can return another business's passages.
/// </summary>
public interface IPassageStore
{
    EmbeddingSpace Space { get; }

    /// <summary>Adds or replaces passages (by id). All of them must belong to <paramref name="businessId"/>.</summary>
    Task UpsertAsync(string businessId, IReadOnlyList<EmbeddedPassage> passages, CancellationToken cancellationToken);

    /// <summary>Removes every passage of one file of the business.</summary>
    Task DeleteFileAsync(string businessId, string fileName, CancellationToken cancellationToken);

    /// <summary>The <paramref name="limit"/> passages of the business nearest to <paramref name="vector"/> by cosine.</summary>
    Task<IReadOnlyList<ScoredPassage>> SearchAsync(string businessId, ReadOnlyMemory<float> vector, int limit, CancellationToken cancellationToken);

    /// <summary>All passages of the business (without vectors), in file and position order.</summary>
    Task<IReadOnlyList<Passage>> ListAsync(string businessId, CancellationToken cancellationToken);

    /// <summary>Changes whenever the business's passages change, also when another process changed them (where the store can tell).</summary>
    Task<long> GetVersionAsync(string businessId, CancellationToken cancellationToken);
}
