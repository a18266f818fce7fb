using Assistant.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Assistant.Tests.AppHost;

public sealed class InfrastructureModeResolverTests
{
    [Theory]
    [InlineData(null, true, InfrastructureMode.Containers)]
    [InlineData(null, false, InfrastructureMode.Local)]
    [InlineData("auto", true, InfrastructureMode.Containers)]
    [InlineData("auto", false, InfrastructureMode.Local)]
    [InlineData("Local", true, InfrastructureMode.Local)]
    [InlineData("containers", false, InfrastructureMode.Containers)]
    public void Auto_follows_the_container_runtime_and_an_explicit_mode_wins(string? configured, bool runtimeHealthy, InfrastructureMode expected)
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [InfrastructureModeResolver.ModeKey] = configured }).Build();

        Assert.Equal(expected, InfrastructureModeResolver.Resolve(config, () => runtimeHealthy));
    }

    [Fact]
    public void An_unknown_mode_is_refused_with_the_choices()
    {
        var config = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { [InfrastructureModeResolver.ModeKey] = "kubernetes" }).Build();

        var error = Assert.Throws<InvalidOperationException>(() => InfrastructureModeResolver.Resolve(config, () => true));
        Assert.Contains("auto, containers or local", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_missing_runtime_cli_is_not_healthy()
    {
        Assert.False(ContainerRuntimeProbe.IsHealthy("no-such-container-runtime-cli", TimeSpan.FromSeconds(1)));
    }
}
