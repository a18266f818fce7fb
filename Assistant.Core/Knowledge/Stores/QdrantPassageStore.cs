using System.Collections.Concurrent;
using Assistant.Core.Knowledge.Embeddings;
using Qdrant.Client;
using Qdrant.Client.Grpc;
using static Qdrant.Client.Grpc.Conditions;

namespace Assistant.Core.Knowledge.Stores;

/// <summary>
/// Passages in Qdrant over gRPC: one collection per embedding space (named after model and
/// dimension), a keyword payload index on the business id, and the business filter on every
/// search, scroll and delete.
/// </summary>
public sealed class QdrantPassageStore : IPassageStore
{
    public const string BusinessField = "business_id";
    public const string FileField = "file";

    private readonly QdrantClient _client;
    private readonly SemaphoreSlim _createGate = new(1, 1);
    private readonly ConcurrentDictionary<string, long> _versions = new(StringComparer.Ordinal);
    private volatile bool _collectionReady;

    public QdrantPassageStore(QdrantClient client, EmbeddingSpace space)
    {
        _client = client;
        Space = space;
        CollectionName = $"passages-{space.Key}";
    }

    public EmbeddingSpace Space { get; }

    public string CollectionName { get; }

    public async Task UpsertAsync(string businessId, IReadOnlyList<EmbeddedPassage> passages, CancellationToken cancellationToken)
    {
        PassageOwnership.Check(businessId, passages, Space.Dimensions);
        if (passages.Count == 0)
        {
            return;
        }
        await EnsureCollectionAsync(cancellationToken).ConfigureAwait(false);
        var points = passages.Select(ToPoint).ToList();
        await _client.UpsertAsync(CollectionName, points, wait: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        _versions.AddOrUpdate(businessId, 1, (_, v) => v + 1);
    }

    public async Task DeleteFileAsync(string businessId, string fileName, CancellationToken cancellationToken)
    {
        await EnsureCollectionAsync(cancellationToken).ConfigureAwait(false);
        await _client.DeleteAsync(CollectionName, BusinessFilter(businessId, MatchKeyword(FileField, fileName)), wait: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        _versions.AddOrUpdate(businessId, 1, (_, v) => v + 1);
    }

    public async Task<IReadOnlyList<ScoredPassage>> SearchAsync(string businessId, ReadOnlyMemory<float> vector, int limit, CancellationToken cancellationToken)
    {
        await EnsureCollectionAsync(cancellationToken).ConfigureAwait(false);
        var query = VectorMath.Normalized(vector.Span);
        var hits = await _client.QueryAsync(CollectionName, query: query, filter: BusinessFilter(businessId), limit: (ulong)limit, payloadSelector: true, cancellationToken: cancellationToken).ConfigureAwait(false);
        var results = new List<ScoredPassage>(hits.Count);
        foreach (var hit in hits)
        {
            var passage = FromPayload(hit.Payload);
            // Belt and braces: a point of another business is never returned, even from a misbehaving server.
            if (passage.BusinessId == businessId)
            {
                results.Add(new ScoredPassage(passage, hit.Score));
            }
        }
        return results;
    }

    public async Task<IReadOnlyList<Passage>> ListAsync(string businessId, CancellationToken cancellationToken)
    {
        await EnsureCollectionAsync(cancellationToken).ConfigureAwait(false);
        var passages = new List<Passage>();
        PointId? offset = null;
        do
        {
            var page = await _client.ScrollAsync(CollectionName, BusinessFilter(businessId), limit: 256, offset: offset, payloadSelector: true, cancellationToken: cancellationToken).ConfigureAwait(false);
            passages.AddRange(page.Result.Select(p => FromPayload(p.Payload)).Where(p => p.BusinessId == businessId));
            offset = page.NextPageOffset;
        }
        while (offset is not null);
        return passages.OrderBy(p => p.FileName, StringComparer.Ordinal).ThenBy(p => p.Ordinal).ToList();
    }

    /// <summary>Qdrant has no change counter: this process's writes are counted; the retriever also refreshes on a timer.</summary>
    public Task<long> GetVersionAsync(string businessId, CancellationToken cancellationToken) =>
        Task.FromResult(_versions.GetValueOrDefault(businessId));

    public static Filter BusinessFilter(string businessId, Condition? also = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(businessId);
        var filter = new Filter();
        filter.Must.Add(MatchKeyword(BusinessField, businessId));
        if (also is not null)
        {
            filter.Must.Add(also);
        }
        return filter;
    }

    private async Task EnsureCollectionAsync(CancellationToken cancellationToken)
    {
        if (_collectionReady)
        {
            return;
        }
        await _createGate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            if (_collectionReady)
            {
                return;
            }
            if (!await _client.CollectionExistsAsync(CollectionName, cancellationToken).ConfigureAwait(false))
            {
                await _client.CreateCollectionAsync(CollectionName, new VectorParams { Size = (ulong)Space.Dimensions, Distance = Distance.Cosine }, cancellationToken: cancellationToken).ConfigureAwait(false);
                await _client.CreatePayloadIndexAsync(CollectionName, BusinessField, PayloadSchemaType.Keyword, cancellationToken: cancellationToken).ConfigureAwait(false);
                await _client.CreatePayloadIndexAsync(CollectionName, FileField, PayloadSchemaType.Keyword, cancellationToken: cancellationToken).ConfigureAwait(false);
            }
            _collectionReady = true;
        }
        finally
        {
            _createGate.Release();
        }
    }

    private static PointStruct ToPoint(EmbeddedPassage item)
    {
        var p = item.Passage;
        var point = new PointStruct
        {
            Id = new PointId { Uuid = p.Id.ToString("D") },
            Vectors = item.Vector.ToArray(),
        };
        point.Payload[BusinessField] = p.BusinessId;
        point.Payload[FileField] = p.FileName;
        point.Payload["file_hash"] = p.FileHash;
        point.Payload["ordinal"] = p.Ordinal;
        point.Payload["title"] = p.Title;
        point.Payload["section"] = p.Section;
        point.Payload["text"] = p.Text;
        point.Payload["passage_id"] = p.Id.ToString("D");
        return point;
    }

    private static Passage FromPayload(IDictionary<string, Value> payload) => new()
    {
        Id = Guid.Parse(payload["passage_id"].StringValue),
        BusinessId = payload[BusinessField].StringValue,
        FileName = payload[FileField].StringValue,
        FileHash = payload["file_hash"].StringValue,
        Ordinal = (int)payload["ordinal"].IntegerValue,
        Title = payload["title"].StringValue,
        Section = payload["section"].StringValue,
        Text = payload["text"].StringValue,
    };
}
