using Microsoft.Extensions.Configuration;

namespace Assistant.AppHost.Infrastructure;

/// <summary>Turns <c>Infrastructure:Mode</c> (auto | containers | local) into a decision, probing the runtime for auto.</summary>
public static class InfrastructureModeResolver
{
    public const string ModeKey = "Infrastructure:Mode";

    public static InfrastructureMode Resolve(IConfiguration configuration, Func<bool>? containerRuntimeIsHealthy = null)
    {
        var configured = configuration[ModeKey];
        var mode = string.IsNullOrWhiteSpace(configured)
            ? InfrastructureMode.Auto
            : Enum.TryParse<InfrastructureMode>(configured, ignoreCase: true, out var parsed)
                ? parsed
                : throw new InvalidOperationException($"{ModeKey} is '{configured}'; use auto, containers or local.");

        if (mode != InfrastructureMode.Auto)
        {
            return mode;
        }

        containerRuntimeIsHealthy ??= () => ContainerRuntimeProbe.IsHealthy(
            configuration["ASPIRE_CONTAINER_RUNTIME"] ?? "docker", TimeSpan.FromSeconds(3));
        return containerRuntimeIsHealthy() ? InfrastructureMode.Containers : InfrastructureMode.Local;
    }
}
