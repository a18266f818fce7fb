using Aspire.Hosting.ApplicationModel;
using Assistant.AppHost.Resources;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Aspire.Hosting;

public static class LocalRedisBuilderExtensions
{
    /// <summary>
    /// Runs <c>redis-server</c> from the PATH as an executable resource with append-only
    /// persistence in <paramref name="dataDirectory"/> and a PING health check.
    /// </summary>
    /// <exception cref="DistributedApplicationException">redis-server is not installed; the message says how to install it.</exception>
    public static IResourceBuilder<LocalRedisResource> AddLocalRedis(
        this IDistributedApplicationBuilder builder, string name, string dataDirectory, string? redisServerPath = null)
    {
        ArgumentNullException.ThrowIfNull(builder);
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentException.ThrowIfNullOrWhiteSpace(dataDirectory);

        var command = redisServerPath ?? ExecutableLocator.Find("redis-server")
            ?? throw new DistributedApplicationException(
                "redis-server was not found on the PATH. Install it (Debian/Ubuntu: sudo apt-get install -y redis-server; " +
                "macOS: brew install redis), or run with Infrastructure:Mode=containers on a machine with Docker.");

        Directory.CreateDirectory(dataDirectory);
        var resource = new LocalRedisResource(name, command, dataDirectory);

        string? connectionString = null;
        builder.Eventing.Subscribe<ConnectionStringAvailableEvent>(resource, async (_, ct) =>
        {
            connectionString = await resource.ConnectionStringExpression.GetValueAsync(ct);
        });

        var healthCheckKey = $"{name}_check";
        builder.Services.AddHealthChecks().Add(new HealthCheckRegistration(
            healthCheckKey, _ => new RedisPingHealthCheck(() => connectionString), failureStatus: default, tags: default));

        return builder.AddResource(resource)
            .WithEndpoint(name: LocalRedisResource.PrimaryEndpointName, scheme: "tcp", isProxied: true)
            .WithArgs(context =>
            {
                context.Args.Add("--port");
                context.Args.Add(resource.PrimaryEndpoint.Property(EndpointProperty.TargetPort));
                context.Args.Add("--bind");
                context.Args.Add("127.0.0.1");
                context.Args.Add("--daemonize");
                context.Args.Add("no");
                context.Args.Add("--dir");
                context.Args.Add(dataDirectory);
                // Streams are our queue: every write is in the append-only file before it is acknowledged to Meta.
                context.Args.Add("--appendonly");
                context.Args.Add("yes");
                context.Args.Add("--appendfsync");
                context.Args.Add("everysec");
            })
            .WithHealthCheck(healthCheckKey);
    }
}
