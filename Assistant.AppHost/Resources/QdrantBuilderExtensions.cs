using Aspire.Hosting.ApplicationModel;

namespace Aspire.Hosting;

public static class QdrantBuilderExtensions
{
    private const int QdrantGrpcPort = 6334;
    private const int QdrantHttpPort = 6333;

    /// <summary>Adds a pinned Qdrant container secured by <paramref name="apiKey"/>, with a readiness health check.</summary>
    public static IResourceBuilder<QdrantServerResource> AddQdrant(
        this IDistributedApplicationBuilder builder, string name, IResourceBuilder<ParameterResource> apiKey)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(apiKey);

        var resource = new QdrantServerResource(name, apiKey.Resource);
        return builder.AddResource(resource)
            .WithImage(ContainerImages.QdrantImage, ContainerImages.QdrantTag)
            .WithImageRegistry("docker.io")
            .WithHttpEndpoint(targetPort: QdrantGrpcPort, name: QdrantServerResource.GrpcEndpointName)
            .WithEndpoint(QdrantServerResource.GrpcEndpointName, e => e.Transport = "http2")
            .WithHttpEndpoint(targetPort: QdrantHttpPort, name: QdrantServerResource.HttpEndpointName)
            .WithEnvironment("QDRANT__SERVICE__API_KEY", apiKey)
            .WithEnvironment("QDRANT__SERVICE__ENABLE_TLS", "false")
            // /readyz needs no API key; it is Qdrant's own readiness probe.
            .WithHttpHealthCheck("/readyz", endpointName: QdrantServerResource.HttpEndpointName);
    }

    /// <summary>Keeps collections in a named volume across restarts.</summary>
    public static IResourceBuilder<QdrantServerResource> WithDataVolume(this IResourceBuilder<QdrantServerResource> builder, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithVolume(name ?? $"assistant-{builder.Resource.Name}-data", "/qdrant/storage");
    }
}
