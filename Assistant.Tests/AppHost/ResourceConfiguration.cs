using Aspire.Hosting;
using Aspire.Hosting.ApplicationModel;
using Microsoft.Extensions.Logging.Abstractions;

namespace Assistant.Tests.AppHost;

/// <summary>Reads the environment and arguments a resource would be started with, without starting it.</summary>
internal static class ResourceConfiguration
{
    public static async Task<IReadOnlyDictionary<string, string>> EnvironmentAsync(IResource resource, DistributedApplicationOperation operation, IServiceProvider services)
    {
        var result = await BuildAsync(resource, operation, services, b => b.WithEnvironmentVariablesConfig());
        return result.EnvironmentVariables.ToDictionary(kv => kv.Key, kv => kv.Value);
    }

    public static async Task<IReadOnlyList<string>> ArgumentsAsync(IResource resource, DistributedApplicationOperation operation, IServiceProvider services)
    {
        var result = await BuildAsync(resource, operation, services, b => b.WithArgumentsConfig());
        return result.Arguments.Select(a => a.Value).ToList();
    }

    private static async Task<IExecutionConfigurationResult> BuildAsync(
        IResource resource, DistributedApplicationOperation operation, IServiceProvider services, Func<IExecutionConfigurationBuilder, IExecutionConfigurationBuilder> configure)
    {
        var context = new DistributedApplicationExecutionContext(new DistributedApplicationExecutionContextOptions(operation) { Services = services });
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var result = await configure(ExecutionConfigurationBuilder.Create(resource)).BuildAsync(context, NullLogger.Instance, cts.Token);
        return result.Exception is null ? result : throw result.Exception;
    }
}
