using System.Text.Json;
using StackExchange.Redis;

namespace Assistant.Core.Llm;

/// <summary>
/// The LLM chain's status as the worker sees it, shared through Redis so the admin (which makes
/// no LLM calls of its own) can show each provider's last success, failures and latency. With
/// several worker replicas the most recent snapshot of each provider wins.
/// </summary>
public static class SharedLlmStatus
{
    public const string Key = "llm:status";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static Task PublishAsync(IDatabase redis, IEnumerable<LlmProviderStatus> providers) =>
        redis.HashSetAsync(Key, providers.Select(p => new HashEntry(p.Name, JsonSerializer.Serialize(p, Json))).ToArray());

    public static async Task<IReadOnlyList<LlmProviderStatus>> ReadAsync(IDatabase redis)
    {
        var entries = await redis.HashGetAllAsync(Key);
        return entries
            .Select(e => JsonSerializer.Deserialize<LlmProviderStatus>(e.Value.ToString(), Json))
            .OfType<LlmProviderStatus>()
            .ToList();
    }
}
