using System.Text.Json;
using StackExchange.Redis;

namespace Assistant.Core.Businesses;

/// <summary>
/// A business's extra intent examples and custom replies, edited in the admin and read by the
/// worker: <c>biz:{id}:examples</c> (a JSON array of <see cref="LabelledExample"/>) and
/// <c>biz:{id}:responses</c> (a hash: intent or reply key → JSON object language → text).
/// <c>biz:{id}:customization:version</c> grows with every change, so a reader can cache and
/// rebuild a classifier only when it moved.
/// </summary>
public sealed class BusinessCustomizationStore(IConnectionMultiplexer redis)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string ExamplesKey(string businessId) => $"biz:{businessId}:examples";

    public static string ResponsesKey(string businessId) => $"biz:{businessId}:responses";

    public static string VersionKey(string businessId) => $"biz:{businessId}:customization:version";

    private IDatabase Db => redis.GetDatabase();

    public async Task<long> GetVersionAsync(string businessId)
    {
        var value = await Db.StringGetAsync(VersionKey(businessId));
        return value.IsNullOrEmpty ? 0 : (long)value;
    }

    public async Task<IReadOnlyList<LabelledExample>> GetExamplesAsync(string businessId)
    {
        var json = await Db.StringGetAsync(ExamplesKey(businessId));
        return json.IsNullOrEmpty ? [] : JsonSerializer.Deserialize<List<LabelledExample>>(json.ToString(), Json) ?? [];
    }

    public async Task SetExamplesAsync(string businessId, IReadOnlyList<LabelledExample> examples)
    {
        var transaction = Db.CreateTransaction();
        _ = transaction.StringSetAsync(ExamplesKey(businessId), JsonSerializer.Serialize(examples, Json));
        _ = transaction.StringIncrementAsync(VersionKey(businessId));
        await transaction.ExecuteAsync();
    }

    /// <summary>Every custom reply: key (intent id or reply key) → language → text.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> GetResponsesAsync(string businessId)
    {
        var entries = await Db.HashGetAllAsync(ResponsesKey(businessId));
        return entries.ToDictionary(
            e => e.Name.ToString(),
            e => (IReadOnlyDictionary<string, string>)(JsonSerializer.Deserialize<Dictionary<string, string>>(e.Value.ToString(), Json) ?? []),
            StringComparer.Ordinal);
    }

    /// <summary>Sets (or, with a null text, removes) the reply for one key and language.</summary>
    public async Task SetResponseAsync(string businessId, string key, string language, string? text)
    {
        var db = Db;
        var current = await GetResponsesAsync(businessId);
        var byLanguage = current.TryGetValue(key, out var existing)
            ? new Dictionary<string, string>(existing, StringComparer.Ordinal)
            : new Dictionary<string, string>(StringComparer.Ordinal);
        if (text is null)
        {
            byLanguage.Remove(language);
        }
        else
        {
            byLanguage[language] = text;
        }

        var transaction = db.CreateTransaction();
        _ = byLanguage.Count == 0
            ? transaction.HashDeleteAsync(ResponsesKey(businessId), key)
            : transaction.HashSetAsync(ResponsesKey(businessId), key, JsonSerializer.Serialize(byLanguage, Json));
        _ = transaction.StringIncrementAsync(VersionKey(businessId));
        await transaction.ExecuteAsync();
    }

    /// <summary>Replaces every custom reply (pack import).</summary>
    public async Task SetResponsesAsync(string businessId, IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> responses)
    {
        var transaction = Db.CreateTransaction();
        _ = transaction.KeyDeleteAsync(ResponsesKey(businessId));
        if (responses.Count > 0)
        {
            _ = transaction.HashSetAsync(ResponsesKey(businessId), responses.Select(r => new HashEntry(r.Key, JsonSerializer.Serialize(r.Value, Json))).ToArray());
        }
        _ = transaction.StringIncrementAsync(VersionKey(businessId));
        await transaction.ExecuteAsync();
    }
}
