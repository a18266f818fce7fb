using Assistant.Core.Businesses;
using Assistant.Core.Configuration;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Microsoft.Extensions.DependencyInjection;

public static class BusinessDirectoryExtensions
{
    /// <summary>The Redis-backed <see cref="BusinessDirectory"/> and the start-up import of <c>Assistant:PacksPath</c>. Needs an IConnectionMultiplexer.</summary>
    public static IServiceCollection AddBusinessDirectory(this IServiceCollection services)
    {
        services.AddOptions<AssistantOptions>().BindConfiguration(AssistantOptions.SectionName);
        services.TryAddSingleton(TimeProvider.System);
        // TryAdd: the outbound sender registers the directory too, and the order of the two calls is the host's.
        services.TryAddSingleton<BusinessDirectory>();
        services.AddHostedService<BusinessPackImporter>();
        return services;
    }
}
