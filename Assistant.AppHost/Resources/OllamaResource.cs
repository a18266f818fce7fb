namespace Aspire.Hosting.ApplicationModel;

/// <summary>An Ollama server container; connection string <c>Endpoint=http://host:port</c> (CONTRACTS.md section 1).</summary>
public sealed class OllamaResource(string name) : ContainerResource(name), IResourceWithConnectionString
{
    internal const string HttpEndpointName = "http";

    private readonly List<string> _models = [];

    public EndpointReference HttpEndpoint => new(this, HttpEndpointName);

    /// <summary>Models pulled when the server starts; the resource is healthy once all are present.</summary>
    public IReadOnlyList<string> Models => _models;

    public ReferenceExpression ConnectionStringExpression =>
        ReferenceExpression.Create($"Endpoint={HttpEndpoint.Property(EndpointProperty.Url)}");

    internal void AddModel(string model)
    {
        if (!_models.Contains(model, StringComparer.Ordinal))
        {
            _models.Add(model);
        }
    }
}
