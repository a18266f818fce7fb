using Aspire.Hosting.ApplicationModel;
using Assistant.AppHost.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Logging;

namespace Aspire.Hosting;

public static class OllamaBuilderExtensions
{
    private const int OllamaPort = 11434;

    /// <summary>
    /// Adds a pinned Ollama container. Models named with <see cref="WithModel"/> are pulled at
    /// start; the health check turns healthy once the server answers and every model is present.
    /// </summary>
    public static IResourceBuilder<OllamaResource> AddOllama(this IDistributedApplicationBuilder builder, string name)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);

        var resource = new OllamaResource(name);
        var healthCheckKey = $"{name}_models";
        OllamaModelPuller? puller = null;

        builder.Eventing.Subscribe<ResourceEndpointsAllocatedEvent>(resource, async (e, ct) =>
        {
            var logger = e.Services.GetRequiredService<ResourceLoggerService>().GetLogger(resource);
            puller = new OllamaModelPuller(resource.Models, logger);
            var url = await resource.HttpEndpoint.GetValueAsync(ct);
            puller.Start(new Uri(url!), CancellationToken.None);
        });

        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey,
            _ => new DeferredHealthCheck(() => puller),
            failureStatus: default,
            tags: default));

        return builder.AddResource(resource)
            .WithImage(ContainerImages.OllamaImage, ContainerImages.OllamaTag)
            .WithImageRegistry("docker.io")
            .WithHttpEndpoint(targetPort: OllamaPort, name: OllamaResource.HttpEndpointName)
            .WithHealthCheck(healthCheckKey);
    }

    public static IResourceBuilder<OllamaResource> WithModel(this IResourceBuilder<OllamaResource> builder, string model)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(model);
        builder.Resource.AddModel(model);
        return builder;
    }

    /// <summary>Keeps pulled models in a named volume so a restart does not download them again.</summary>
    public static IResourceBuilder<OllamaResource> WithDataVolume(this IResourceBuilder<OllamaResource> builder, string? name = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        return builder.WithVolume(name ?? $"assistant-{builder.Resource.Name}-models", "/root/.ollama");
    }

    /// <summary>The puller exists only once endpoints are allocated; until then the resource is not healthy.</summary>
    private sealed class DeferredHealthCheck(Func<IHealthCheck?> inner) : IHealthCheck
    {
        public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default) =>
            inner() is { } check
                ? check.CheckHealthAsync(context, cancellationToken)
                : Task.FromResult(HealthCheckResult.Unhealthy("Waiting for the endpoint."));
    }
}
