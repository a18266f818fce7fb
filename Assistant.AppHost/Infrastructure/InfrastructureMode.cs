namespace Assistant.AppHost.Infrastructure;

/// <summary>How the AppHost provides Redis, Qdrant and Ollama (configuration key <c>Infrastructure:Mode</c>).</summary>
public enum InfrastructureMode
{
    /// <summary>Containers when a container runtime answers, else local processes.</summary>
    Auto,

    /// <summary>Redis, Qdrant and Ollama as pinned containers with volumes.</summary>
    Containers,

    /// <summary>A local <c>redis-server</c> process; the embedded vector index; Ollama only if an endpoint is given.</summary>
    Local,
}
