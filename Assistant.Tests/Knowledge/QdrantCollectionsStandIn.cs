using Grpc.Core;
using Qdrant.Client.Grpc;

namespace Assistant.Tests.Knowledge;

/// <summary><c>qdrant.Collections</c> on the loopback stand-in (see <see cref="QdrantPointsStandIn"/> for the binding).</summary>
[BindServiceMethod(typeof(QdrantCollectionsStandIn), nameof(BindService))]
public class QdrantCollectionsStandIn(QdrantStandInState state)
{
    public static void BindService(ServiceBinderBase binder, QdrantCollectionsStandIn? service)
    {
        binder.AddMethod(QdrantStandInMethods.CollectionExists, service is null ? null : service.CollectionExists);
        binder.AddMethod(QdrantStandInMethods.Create, service is null ? null : service.Create);
    }

    public virtual Task<CollectionExistsResponse> CollectionExists(CollectionExistsRequest request, ServerCallContext context)
    {
        state.Record(context, request);
        return Task.FromResult(state.Exists(request));
    }

    public virtual Task<CollectionOperationResponse> Create(CreateCollection request, ServerCallContext context)
    {
        state.Record(context, request);
        return Task.FromResult(state.Create(request));
    }
}
