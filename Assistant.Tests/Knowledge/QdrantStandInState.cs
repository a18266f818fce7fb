using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace Assistant.Tests.Knowledge;

/// <summary>
/// The memory of the loopback Qdrant stand-in: points per collection, the payload indexes asked
/// for, and every request as it arrived. It evaluates the keyword filters the store sends and
/// rejects any other filter shape, so a change of query shape fails loudly.
/// </summary>
public sealed class QdrantStandInState
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, PointStruct>> _collections = new(StringComparer.Ordinal);
    private readonly ConcurrentQueue<(string Method, IMessage Request)> _requests = new();
    private readonly ConcurrentQueue<string> _indexedFields = new();

    /// <summary>gRPC method (<c>/qdrant.Points/Query</c>) and request message, in arrival order.</summary>
    public IReadOnlyList<(string Method, IMessage Request)> Requests => [.. _requests];

    public IReadOnlyList<string> IndexedFields => [.. _indexedFields];

    public void Record(ServerCallContext context, IMessage request) => _requests.Enqueue((context.Method, request));

    public CollectionExistsResponse Exists(CollectionExistsRequest request) =>
        new() { Result = new CollectionExists { Exists = _collections.ContainsKey(request.CollectionName) } };

    public CollectionOperationResponse Create(CreateCollection request)
    {
        _collections.TryAdd(request.CollectionName, new ConcurrentDictionary<string, PointStruct>(StringComparer.Ordinal));
        return new CollectionOperationResponse { Result = true };
    }

    public PointsOperationResponse FieldIndex(CreateFieldIndexCollection request)
    {
        Collection(request.CollectionName);
        _indexedFields.Enqueue(request.FieldName);
        return Done();
    }

    public PointsOperationResponse Upsert(UpsertPoints request)
    {
        var points = Collection(request.CollectionName);
        foreach (var point in request.Points)
        {
            points[point.Id.Uuid] = point.Clone();
        }
        return Done();
    }

    public PointsOperationResponse Delete(DeletePoints request)
    {
        var points = Collection(request.CollectionName);
        foreach (var (id, point) in points.ToList())
        {
            if (Matches(request.Points.Filter, point))
            {
                points.TryRemove(id, out _);
            }
        }
        return Done();
    }

    public QueryResponse Query(QueryPoints request)
    {
        var vector = request.Query.Nearest.Dense.Data.ToArray();
        var response = new QueryResponse();
        var hits = Collection(request.CollectionName).Values
            .Where(p => Matches(request.Filter, p))
            .Select(p => (Point: p, Score: Cosine(vector, StoredVector(p))))
            .OrderByDescending(h => h.Score)
            .Take((int)request.Limit);
        foreach (var (point, score) in hits)
        {
            var scored = new ScoredPoint { Id = point.Id, Score = score };
            scored.Payload.Add(point.Payload);
            response.Result.Add(scored);
        }
        return response;
    }

    /// <summary>Pages of <c>limit</c> points in id order, with the next page's first id as Qdrant returns it.</summary>
    public ScrollResponse Scroll(ScrollPoints request)
    {
        var matching = Collection(request.CollectionName).Values
            .Where(p => Matches(request.Filter, p))
            .OrderBy(p => p.Id.Uuid, StringComparer.Ordinal)
            .SkipWhile(p => request.Offset is { } offset && string.CompareOrdinal(p.Id.Uuid, offset.Uuid) < 0)
            .ToList();
        var limit = request.HasLimit ? (int)request.Limit : 10;
        var response = new ScrollResponse();
        foreach (var point in matching.Take(limit))
        {
            var retrieved = new RetrievedPoint { Id = point.Id };
            retrieved.Payload.Add(point.Payload);
            response.Result.Add(retrieved);
        }
        if (matching.Count > limit)
        {
            response.NextPageOffset = matching[limit].Id;
        }
        return response;
    }

    private ConcurrentDictionary<string, PointStruct> Collection(string name) =>
        _collections.TryGetValue(name, out var points) ? points : throw new RpcException(new Status(StatusCode.NotFound, $"collection {name}"));

    private static bool Matches(Filter? filter, PointStruct point)
    {
        if (filter is null)
        {
            return true;
        }
        if (filter.Should.Count > 0 || filter.MustNot.Count > 0 || filter.MinShould is not null)
        {
            throw new RpcException(new Status(StatusCode.InvalidArgument, "the stand-in evaluates only 'must' keyword filters"));
        }
        return filter.Must.All(c => c.Field is { Match.Keyword: { } keyword } field
            ? point.Payload.TryGetValue(field.Key, out var value) && value.StringValue == keyword
            : throw new RpcException(new Status(StatusCode.InvalidArgument, "the stand-in evaluates only keyword matches")));
    }

    // Clients write a plain vector either in the newer "dense" field or the older "data" one.
#pragma warning disable CS0612
    private static float[] StoredVector(PointStruct point) =>
        point.Vectors.Vector.Dense is { } dense ? dense.Data.ToArray() : point.Vectors.Vector.Data.ToArray();
#pragma warning restore CS0612

    private static float Cosine(float[] a, float[] b) => System.Numerics.Tensors.TensorPrimitives.CosineSimilarity(a, b);

    private static PointsOperationResponse Done() => new() { Result = new UpdateResult { Status = UpdateStatus.Completed } };
}
