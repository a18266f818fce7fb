using System.Collections.Concurrent;
using Google.Protobuf;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace Assistant.Tests.Knowledge;

/// <summary>
/// An in-process stand-in for Qdrant's gRPC services under the real <c>QdrantClient</c>: it keeps
/// points in memory, evaluates the keyword filters the store sends (and rejects any other filter
/// shape, so a change of query shape fails loudly), and records every request for assertions.
/// </summary>
public sealed class FakeQdrantCallInvoker : CallInvoker
{
    private readonly ConcurrentDictionary<string, ConcurrentDictionary<string, PointStruct>> _collections = new(StringComparer.Ordinal);

    public ConcurrentQueue<(string Method, IMessage Request)> Requests { get; } = new();

    public List<string> IndexedFields { get; } = [];

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request)
    {
        var message = (IMessage)request!;
        Requests.Enqueue((method.FullName, message));
        IMessage response = method.FullName switch
        {
            "/qdrant.Collections/CollectionExists" => new CollectionExistsResponse { Result = new CollectionExists { Exists = _collections.ContainsKey(((CollectionExistsRequest)message).CollectionName) } },
            "/qdrant.Collections/Create" => Create((CreateCollection)message),
            "/qdrant.Points/CreateFieldIndex" => FieldIndex((CreateFieldIndexCollection)message),
            "/qdrant.Points/Upsert" => Upsert((UpsertPoints)message),
            "/qdrant.Points/Delete" => Delete((DeletePoints)message),
            "/qdrant.Points/Query" => Query((QueryPoints)message),
            "/qdrant.Points/Scroll" => Scroll((ScrollPoints)message),
            _ => throw new RpcException(new Status(StatusCode.Unimplemented, method.FullName)),
        };
        return new AsyncUnaryCall<TResponse>(Task.FromResult((TResponse)response), Task.FromResult(new Metadata()), () => Status.DefaultSuccess, () => [], () => { });
    }

    public override TResponse BlockingUnaryCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        AsyncUnaryCall(method, host, options, request).ResponseAsync.GetAwaiter().GetResult();

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options, TRequest request) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, method.FullName));

    public override AsyncClientStreamingCall<TRequest, TResponse> AsyncClientStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, method.FullName));

    public override AsyncDuplexStreamingCall<TRequest, TResponse> AsyncDuplexStreamingCall<TRequest, TResponse>(Method<TRequest, TResponse> method, string? host, CallOptions options) =>
        throw new RpcException(new Status(StatusCode.Unimplemented, method.FullName));

    private CollectionOperationResponse Create(CreateCollection request)
    {
        _collections.TryAdd(request.CollectionName, new ConcurrentDictionary<string, PointStruct>(StringComparer.Ordinal));
        return new CollectionOperationResponse { Result = true };
    }

    private PointsOperationResponse FieldIndex(CreateFieldIndexCollection request)
    {
        lock (IndexedFields)
        {
            IndexedFields.Add(request.FieldName);
        }
        return Done();
    }

    private PointsOperationResponse Upsert(UpsertPoints request)
    {
        var points = Collection(request.CollectionName);
        foreach (var point in request.Points)
        {
            points[point.Id.Uuid] = point.Clone();
        }
        return Done();
    }

    private PointsOperationResponse Delete(DeletePoints request)
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

    private QueryResponse Query(QueryPoints request)
    {
        var query = request.Query.Nearest;
        var vector = query.Dense.Data.ToArray();
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

    private ScrollResponse Scroll(ScrollPoints request)
    {
        var response = new ScrollResponse();
        foreach (var point in Collection(request.CollectionName).Values.Where(p => Matches(request.Filter, p)))
        {
            var retrieved = new RetrievedPoint { Id = point.Id };
            retrieved.Payload.Add(point.Payload);
            response.Result.Add(retrieved);
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
