namespace Aspire.Hosting.ApplicationModel;

/// <summary>
/// A <c>redis-server</c> process run by the AppHost where there is no container runtime.
/// Its connection string is the StackExchange.Redis form (<c>host:port</c>) that
/// <c>ConnectionStrings__redis</c> expects, so projects reference it exactly like a Redis container.
/// </summary>
public sealed class LocalRedisResource(string name, string command, string workingDirectory)
    : ExecutableResource(name, command, workingDirectory), IResourceWithConnectionString
{
    internal const string PrimaryEndpointName = "tcp";

    private EndpointReference? _primaryEndpoint;

    public EndpointReference PrimaryEndpoint => _primaryEndpoint ??= new(this, PrimaryEndpointName);

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"{PrimaryEndpoint.Property(EndpointProperty.HostAndPort)}");
}
