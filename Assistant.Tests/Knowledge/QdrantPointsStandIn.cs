using Grpc.Core;
using Qdrant.Client.Grpc;

namespace Assistant.Tests.Knowledge;

/// <summary>
/// <c>qdrant.Points</c> on the loopback stand-in. Grpc.AspNetCore binds a service through
/// <see cref="BindServiceMethodAttribute"/> and finds each handler as a public virtual method named
/// after the gRPC method, hence the (otherwise unneeded) <c>virtual</c>s.
/// </summary>
[BindServiceMethod(typeof(QdrantPointsStandIn), nameof(BindService))]
public class QdrantPointsStandIn(QdrantStandInState state)
{
    public static void BindService(ServiceBinderBase binder, QdrantPointsStandIn? service)
    {
        binder.AddMethod(QdrantStandInMethods.CreateFieldIndex, service is null ? null : service.CreateFieldIndex);
        binder.AddMethod(QdrantStandInMethods.Upsert, service is null ? null : service.Upsert);
        binder.AddMethod(QdrantStandInMethods.Delete, service is null ? null : service.Delete);
        binder.AddMethod(QdrantStandInMethods.Query, service is null ? null : service.Query);
        binder.AddMethod(QdrantStandInMethods.Scroll, service is null ? null : service.Scroll);
    }

    public virtual Task<PointsOperationResponse> CreateFieldIndex(CreateFieldIndexCollection request, ServerCallContext context) =>
        Handle(request, context, state.FieldIndex);

    public virtual Task<PointsOperationResponse> Upsert(UpsertPoints request, ServerCallContext context) =>
        Handle(request, context, state.Upsert);

    public virtual Task<PointsOperationResponse> Delete(DeletePoints request, ServerCallContext context) =>
        Handle(request, context, state.Delete);

    public virtual Task<QueryResponse> Query(QueryPoints request, ServerCallContext context) =>
        Handle(request, context, state.Query);

    public virtual Task<ScrollResponse> Scroll(ScrollPoints request, ServerCallContext context) =>
        Handle(request, context, state.Scroll);

    private Task<TResponse> Handle<TRequest, TResponse>(TRequest request, ServerCallContext context, Func<TRequest, TResponse> handler)
        where TRequest : Google.Protobuf.IMessage
    {
        state.Record(context, request);
        return Task.FromResult(handler(request));
    }
}
