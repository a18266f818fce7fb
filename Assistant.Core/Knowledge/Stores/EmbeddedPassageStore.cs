using System.Collections.Concurrent;
using System.Numerics.Tensors;
using System.Runtime.InteropServices;
using System.Text.Json;
using Assistant.Core.Knowledge.Embeddings;
using StackExchange.Redis;

namespace Assistant.Core.Knowledge.Stores;

/// <summary>
/// The embedded vector index: exact cosine over every passage of a business with
/// <see cref="TensorPrimitives"/>, held in memory. With Redis it is also persisted (passages as
/// JSON, vectors as float32 blobs, one pair of hashes per business and embedding space), so a
/// restart loads vectors instead of re-embedding, and a version counter lets other processes see
/// changes. Without Redis it is memory only (tests, the eval command).
/// </summary>
public sealed class EmbeddedPassageStore : IPassageStore
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IConnectionMultiplexer? _redis;
    private readonly ConcurrentDictionary<string, BusinessIndex> _indexes = new(StringComparer.Ordinal);

    public EmbeddedPassageStore(EmbeddingSpace space, IConnectionMultiplexer? redis = null)
    {
        Space = space;
        _redis = redis;
    }

    public EmbeddingSpace Space { get; }

    public async Task UpsertAsync(string businessId, IReadOnlyList<EmbeddedPassage> passages, CancellationToken cancellationToken)
    {
        PassageOwnership.Check(businessId, passages, Space.Dimensions);
        var index = await GetIndexAsync(businessId, cancellationToken).ConfigureAwait(false);
        if (_redis is not null && passages.Count > 0)
        {
            var db = _redis.GetDatabase();
            var texts = passages.Select(p => new HashEntry(p.Passage.Id.ToString("N"), JsonSerializer.Serialize(p.Passage, Json))).ToArray();
            var vectors = passages.Select(p => new HashEntry(p.Passage.Id.ToString("N"), MemoryMarshal.AsBytes(p.Vector.Span).ToArray())).ToArray();
            var tx = db.CreateTransaction();
            _ = tx.HashSetAsync(PassagesKey(businessId), texts);
            _ = tx.HashSetAsync(VectorsKey(businessId), vectors);
            var version = tx.StringIncrementAsync(VersionKey(businessId));
            await tx.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            index.Upsert(passages.Select(p => new Entry(p.Passage, VectorMath.Normalized(p.Vector.Span))));
            index.AfterOwnWrite(await version.ConfigureAwait(false));
            return;
        }
        index.Upsert(passages.Select(p => new Entry(p.Passage, VectorMath.Normalized(p.Vector.Span))));
        index.AfterOwnWrite(index.Version + 1);
    }

    public async Task DeleteFileAsync(string businessId, string fileName, CancellationToken cancellationToken)
    {
        var index = await GetIndexAsync(businessId, cancellationToken).ConfigureAwait(false);
        var removed = index.RemoveFile(fileName);
        if (_redis is not null && removed.Count > 0)
        {
            var fields = removed.Select(id => (RedisValue)id.ToString("N")).ToArray();
            var tx = _redis.GetDatabase().CreateTransaction();
            _ = tx.HashDeleteAsync(PassagesKey(businessId), fields);
            _ = tx.HashDeleteAsync(VectorsKey(businessId), fields);
            var version = tx.StringIncrementAsync(VersionKey(businessId));
            await tx.ExecuteAsync().WaitAsync(cancellationToken).ConfigureAwait(false);
            index.AfterOwnWrite(await version.ConfigureAwait(false));
            return;
        }
        index.AfterOwnWrite(index.Version + 1);
    }

    public async Task<IReadOnlyList<ScoredPassage>> SearchAsync(string businessId, ReadOnlyMemory<float> vector, int limit, CancellationToken cancellationToken)
    {
        var index = await GetIndexAsync(businessId, cancellationToken).ConfigureAwait(false);
        var query = VectorMath.Normalized(vector.Span);
        var entries = index.Snapshot;
        var scored = new ScoredPassage[entries.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            scored[i] = new ScoredPassage(entries[i].Passage, TensorPrimitives.Dot(entries[i].Vector, query));
        }
        return scored.OrderByDescending(s => s.Score).Take(limit).ToList();
    }

    public async Task<IReadOnlyList<Passage>> ListAsync(string businessId, CancellationToken cancellationToken)
    {
        var index = await GetIndexAsync(businessId, cancellationToken).ConfigureAwait(false);
        return index.Snapshot.Select(e => e.Passage)
            .OrderBy(p => p.FileName, StringComparer.Ordinal).ThenBy(p => p.Ordinal)
            .ToList();
    }

    public async Task<long> GetVersionAsync(string businessId, CancellationToken cancellationToken)
    {
        var index = await GetIndexAsync(businessId, cancellationToken).ConfigureAwait(false);
        return index.Version;
    }

    /// <summary>Loads a business from Redis on first use, and again when another process changed it.</summary>
    private async Task<BusinessIndex> GetIndexAsync(string businessId, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(businessId);
        var index = _indexes.GetOrAdd(businessId, _ => new BusinessIndex());
        if (_redis is null)
        {
            return index;
        }

        var db = _redis.GetDatabase();
        var stored = (long?)await db.StringGetAsync(VersionKey(businessId)).WaitAsync(cancellationToken).ConfigureAwait(false) ?? 0;
        if (index.Loaded && stored == index.Version)
        {
            return index;
        }

        await index.LoadGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (index.Loaded && stored == index.Version)
            {
                return index;
            }
            var texts = await db.HashGetAllAsync(PassagesKey(businessId)).WaitAsync(cancellationToken).ConfigureAwait(false);
            var vectors = (await db.HashGetAllAsync(VectorsKey(businessId)).WaitAsync(cancellationToken).ConfigureAwait(false))
                .ToDictionary(e => e.Name.ToString(), e => (byte[])e.Value!, StringComparer.Ordinal);
            var entries = new List<Entry>(texts.Length);
            foreach (var text in texts)
            {
                var passage = JsonSerializer.Deserialize<Passage>(text.Value.ToString(), Json);
                if (passage is not null && vectors.TryGetValue(text.Name.ToString(), out var blob) && blob.Length == Space.Dimensions * sizeof(float))
                {
                    entries.Add(new Entry(passage, MemoryMarshal.Cast<byte, float>(blob).ToArray()));
                }
            }
            index.Replace(entries, stored);
            return index;
        }
        finally
        {
            index.LoadGate.Release();
        }
    }

    private string Prefix(string businessId) => $"knowledge:{Space.Key}:{businessId}";

    private RedisKey PassagesKey(string businessId) => $"{Prefix(businessId)}:passages";

    private RedisKey VectorsKey(string businessId) => $"{Prefix(businessId)}:vectors";

    private RedisKey VersionKey(string businessId) => $"{Prefix(businessId)}:version";

    private sealed record Entry(Passage Passage, float[] Vector);

    private sealed class BusinessIndex
    {
        private readonly Lock _lock = new();
        private Dictionary<Guid, Entry> _entries = [];

        public SemaphoreSlim LoadGate { get; } = new(1, 1);

        public bool Loaded { get; private set; }

        public long Version { get; private set; }

        /// <summary>An immutable copy searches run over, so writers never block readers.</summary>
        public Entry[] Snapshot { get; private set; } = [];

        public void Upsert(IEnumerable<Entry> entries)
        {
            lock (_lock)
            {
                foreach (var e in entries)
                {
                    _entries[e.Passage.Id] = e;
                }
                Snapshot = [.. _entries.Values];
            }
        }

        public List<Guid> RemoveFile(string fileName)
        {
            lock (_lock)
            {
                var ids = _entries.Values.Where(e => e.Passage.FileName == fileName).Select(e => e.Passage.Id).ToList();
                foreach (var id in ids)
                {
                    _entries.Remove(id);
                }
                Snapshot = [.. _entries.Values];
                return ids;
            }
        }

        public void Replace(List<Entry> entries, long version)
        {
            lock (_lock)
            {
                _entries = entries.ToDictionary(e => e.Passage.Id);
                Snapshot = [.. _entries.Values];
                Version = version;
                Loaded = true;
            }
        }

        /// <summary>
        /// Our own write is already in memory: adopt its version number, unless another process wrote
        /// in between (the counter skipped), in which case the next read reloads.
        /// </summary>
        public void AfterOwnWrite(long version)
        {
            lock (_lock)
            {
                Version = version == Version + 1 ? version : -1;
                Loaded = true;
            }
        }
    }
}
