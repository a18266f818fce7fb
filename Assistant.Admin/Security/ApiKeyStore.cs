using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using StackExchange.Redis;

namespace Assistant.Admin.Security;

/// <summary>
/// API keys by the SHA-256 of the key (<c>admin:apikey:{hash}</c>) and by id (<c>admin:apikeys</c>
/// hash id → key hash). A key is 32 random bytes, so a fast hash is enough: nothing to brute-force.
/// </summary>
public sealed class ApiKeyStore(IConnectionMultiplexer redis, TimeProvider time)
{
    public const string IndexKey = "admin:apikeys";

    private const string KeyPrefix = "ak_";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string HashKey(string hash) => "admin:apikey:" + hash;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>Creates a key for <paramref name="userId"/>; the clear key is returned here and never again.</summary>
    public async Task<(ApiKeyRecord Record, string Key)> CreateAsync(string userId, string name)
    {
        var key = KeyPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        var record = new ApiKeyRecord
        {
            Id = Guid.CreateVersion7().ToString("N"),
            Name = name,
            UserId = userId,
            CreatedAt = time.GetUtcNow(),
            Prefix = key[..8],
        };
        var hash = Hash(key);
        var transaction = Db.CreateTransaction();
        _ = transaction.StringSetAsync(HashKey(hash), JsonSerializer.Serialize(record, Json));
        _ = transaction.HashSetAsync(IndexKey, record.Id, hash);
        await transaction.ExecuteAsync();
        return (record, key);
    }

    public async Task<ApiKeyRecord?> FindAsync(string key)
    {
        if (!key.StartsWith(KeyPrefix, StringComparison.Ordinal))
        {
            return null;
        }
        var json = await Db.StringGetAsync(HashKey(Hash(key)));
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<ApiKeyRecord>(json.ToString(), Json);
    }

    public async Task<IReadOnlyList<ApiKeyRecord>> ListAsync()
    {
        var hashes = await Db.HashValuesAsync(IndexKey);
        if (hashes.Length == 0)
        {
            return [];
        }
        var values = await Db.StringGetAsync(hashes.Select(h => (RedisKey)HashKey(h.ToString())).ToArray());
        return values.Where(v => !v.IsNullOrEmpty).Select(v => JsonSerializer.Deserialize<ApiKeyRecord>(v.ToString(), Json)!).OrderBy(k => k.CreatedAt).ToList();
    }

    public async Task<ApiKeyRecord?> GetAsync(string id)
    {
        var hash = await Db.HashGetAsync(IndexKey, id);
        if (hash.IsNull)
        {
            return null;
        }
        var json = await Db.StringGetAsync(HashKey(hash.ToString()));
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<ApiKeyRecord>(json.ToString(), Json);
    }

    public async Task<bool> DeleteAsync(string id)
    {
        var hash = await Db.HashGetAsync(IndexKey, id);
        if (hash.IsNull)
        {
            return false;
        }
        await Db.KeyDeleteAsync(HashKey(hash.ToString()));
        return await Db.HashDeleteAsync(IndexKey, id);
    }

    private static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
}
