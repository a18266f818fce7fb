using Google.Protobuf;
using Grpc.Core;
using Qdrant.Client.Grpc;

namespace Assistant.Tests.Knowledge;

/// <summary>
/// The Qdrant gRPC methods the store calls, described by hand: Qdrant.Client ships generated
/// client code only, so the server side reuses its message types and their protobuf parsers.
/// </summary>
internal static class QdrantStandInMethods
{
    public const string PointsService = "qdrant.Points";
    public const string CollectionsService = "qdrant.Collections";

    public static readonly Method<CollectionExistsRequest, CollectionExistsResponse> CollectionExists = Unary(CollectionsService, "CollectionExists", CollectionExistsRequest.Parser, CollectionExistsResponse.Parser);
    public static readonly Method<CreateCollection, CollectionOperationResponse> Create = Unary(CollectionsService, "Create", CreateCollection.Parser, CollectionOperationResponse.Parser);
    public static readonly Method<CreateFieldIndexCollection, PointsOperationResponse> CreateFieldIndex = Unary(PointsService, "CreateFieldIndex", CreateFieldIndexCollection.Parser, PointsOperationResponse.Parser);
    public static readonly Method<UpsertPoints, PointsOperationResponse> Upsert = Unary(PointsService, "Upsert", UpsertPoints.Parser, PointsOperationResponse.Parser);
    public static readonly Method<DeletePoints, PointsOperationResponse> Delete = Unary(PointsService, "Delete", DeletePoints.Parser, PointsOperationResponse.Parser);
    public static readonly Method<QueryPoints, QueryResponse> Query = Unary(PointsService, "Query", QueryPoints.Parser, QueryResponse.Parser);
    public static readonly Method<ScrollPoints, ScrollResponse> Scroll = Unary(PointsService, "Scroll", ScrollPoints.Parser, ScrollResponse.Parser);

    private static Method<TRequest, TResponse> Unary<TRequest, TResponse>(string service, string name, MessageParser<TRequest> requestParser, MessageParser<TResponse> responseParser)
        where TRequest : class, IMessage<TRequest>
        where TResponse : class, IMessage<TResponse> =>
        new(MethodType.Unary, service, name, Marshal(requestParser), Marshal(responseParser));

    private static Marshaller<T> Marshal<T>(MessageParser<T> parser)
        where T : class, IMessage<T> =>
        Marshallers.Create(message => message.ToByteArray(), parser.ParseFrom);
}
