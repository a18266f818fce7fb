namespace Aspire.Hosting;

/// <summary>Pinned images: an upgrade is a reviewed change, never a surprise at start-up.</summary>
internal static class ContainerImages
{
    public const string QdrantImage = "qdrant/qdrant";
    public const string QdrantTag = "v1.15.4";
    public const string OllamaImage = "ollama/ollama";
    public const string OllamaTag = "0.12.6";
}
