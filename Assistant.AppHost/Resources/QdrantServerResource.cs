namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A Qdrant server container. The connection string is the gRPC endpoint plus the API key,
/// <c>Endpoint=http://host:port;Key=...</c>, as CONTRACTS.md and Aspire's Qdrant integration use.
/// </summary>
public sealed class QdrantServerResource : ContainerResource, IResourceWithConnectionString
{
    internal const string GrpcEndpointName = "grpc";
    internal const string HttpEndpointName = "http";

    public QdrantServerResource(string name, ParameterResource apiKey) : base(name)
    {
        ArgumentNullException.ThrowIfNull(apiKey);
        ApiKeyParameter = apiKey;
    }

    public ParameterResource ApiKeyParameter { get; }

    public EndpointReference GrpcEndpoint => new(this, GrpcEndpointName);

    public EndpointReference HttpEndpoint => new(this, HttpEndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"Endpoint={GrpcEndpoint.Property(EndpointProperty.Url)};Key={ApiKeyParameter}");
}
