using Assistant.AppHost.Infrastructure;
using Microsoft.Extensions.Configuration;

namespace Aspire.Hosting;

internal static class InfrastructureBuilderExtensions
{
    /// <summary>
    /// Declares Redis, Qdrant and Ollama for the chosen mode. Containers: all three as pinned
    /// images with volumes. Local: a redis-server process; Qdrant and Ollama only when their
    /// connection strings are configured (<c>ConnectionStrings:qdrant</c>, <c>ConnectionStrings:ollama</c>).
    /// </summary>
    public static AssistantInfrastructure AddAssistantInfrastructure(this IDistributedApplicationBuilder builder, InfrastructureMode mode)
    {
        var config = builder.Configuration;
        var chatModel = config["Ollama:ChatModel"] ?? "qwen2.5:3b-instruct";
        var embeddingModel = config["Ollama:EmbeddingModel"] ?? "bge-m3";
        // bge-m3 is multilingual (Italian included) and 1,024-dimensional; name the dimension with another model.
        var embeddingDimensions = int.TryParse(config["Ollama:EmbeddingDimensions"], out var dims) ? dims : 1024;

        if (mode == InfrastructureMode.Containers)
        {
            var redis = builder.AddRedis("redis")
                .WithDataVolume("assistant-redis-data")
                .WithPersistence(TimeSpan.FromMinutes(1))
                .WithAppendOnlyFile();
            var qdrantKey = builder.AddParameter("qdrant-api-key", new GenerateParameterDefault { MinLength = 32, Special = false }, secret: true, persist: true);
            var qdrant = builder.AddQdrant("qdrant", qdrantKey).WithDataVolume();
            var ollama = builder.AddOllama("ollama").WithDataVolume().WithModel(chatModel).WithModel(embeddingModel);
            return new AssistantInfrastructure(mode, redis, qdrant, ollama, chatModel, embeddingModel, embeddingDimensions);
        }

        var dataPath = config["Infrastructure:DataPath"] is { Length: > 0 } configured
            ? Path.GetFullPath(configured, builder.AppHostDirectory)
            : Path.Combine(builder.AppHostDirectory, ".data");
        var localRedis = builder.AddLocalRedis("redis", Path.Combine(dataPath, "redis"), config["Infrastructure:RedisServerPath"]);

        var externalQdrant = string.IsNullOrWhiteSpace(config.GetConnectionString("qdrant")) ? null : builder.AddConnectionString("qdrant");
        var externalOllama = string.IsNullOrWhiteSpace(config.GetConnectionString("ollama")) ? null : builder.AddConnectionString("ollama");
        return new AssistantInfrastructure(
            mode, localRedis, externalQdrant, externalOllama,
            externalOllama is null ? null : chatModel,
            externalOllama is null ? null : config["Ollama:EmbeddingModel"],
            embeddingDimensions);
    }
}
