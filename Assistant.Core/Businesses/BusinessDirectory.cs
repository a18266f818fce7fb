using System.Collections.Concurrent;
using System.Text.Json;
using StackExchange.Redis;

namespace Assistant.Core.Businesses;

/// <summary>
/// The businesses, in Redis: <c>biz:{id}</c> holds the profile JSON, <c>biz:phone:{phoneNumberId}</c>
/// the id, <c>biz:ids</c> the set of ids. Lookups by phone number are cached in process for a few
/// seconds, so the webhook's hot path usually costs no extra round trip; a change made by another
/// process shows up within <see cref="CacheLifetime"/>.
/// </summary>
public sealed class BusinessDirectory(IConnectionMultiplexer redis, TimeProvider timeProvider)
{
    public static readonly TimeSpan CacheLifetime = TimeSpan.FromSeconds(5);

    public const string IdsKey = "biz:ids";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private readonly IConnectionMultiplexer _redis = redis;
    private readonly TimeProvider _timeProvider = timeProvider;
    private readonly ConcurrentDictionary<string, CachedLookup> _byPhone = new(StringComparer.Ordinal);

    public static string ProfileKey(string id) => "biz:" + id;

    public static string PhoneKey(string phoneNumberId) => "biz:phone:" + phoneNumberId;

    /// <summary>Creates or replaces a business; moves its phone mapping when the number changed.</summary>
    public async Task UpsertAsync(BusinessProfile profile)
    {
        BusinessPackLoader.Validate(profile, $"business '{profile.Id}'");
        var db = _redis.GetDatabase();
        var previous = await GetAsync(profile.Id);

        var transaction = db.CreateTransaction();
        _ = transaction.StringSetAsync(ProfileKey(profile.Id), JsonSerializer.Serialize(profile, Json));
        _ = transaction.StringSetAsync(PhoneKey(profile.PhoneNumberId), profile.Id);
        _ = transaction.SetAddAsync(IdsKey, profile.Id);
        if (previous is not null && previous.PhoneNumberId != profile.PhoneNumberId)
        {
            // Only release the old number if it still points at this business.
            transaction.AddCondition(Condition.StringEqual(PhoneKey(previous.PhoneNumberId), profile.Id));
            _ = transaction.KeyDeleteAsync(PhoneKey(previous.PhoneNumberId));
        }
        if (!await transaction.ExecuteAsync() && previous is not null)
        {
            // The old number was already taken by someone else: keep theirs, write ours.
            var retry = db.CreateTransaction();
            _ = retry.StringSetAsync(ProfileKey(profile.Id), JsonSerializer.Serialize(profile, Json));
            _ = retry.StringSetAsync(PhoneKey(profile.PhoneNumberId), profile.Id);
            _ = retry.SetAddAsync(IdsKey, profile.Id);
            await retry.ExecuteAsync();
        }

        _byPhone.TryRemove(profile.PhoneNumberId, out _);
        if (previous is not null)
        {
            _byPhone.TryRemove(previous.PhoneNumberId, out _);
        }
    }

    public async Task<BusinessProfile?> GetAsync(string id)
    {
        var json = await _redis.GetDatabase().StringGetAsync(ProfileKey(id));
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<BusinessProfile>(json.ToString(), Json);
    }

    /// <summary>The business a <c>phone_number_id</c> routes to, or null. Cached (hits and misses) for <see cref="CacheLifetime"/>.</summary>
    public async ValueTask<BusinessProfile?> FindByPhoneNumberIdAsync(string phoneNumberId)
    {
        var now = _timeProvider.GetTimestamp();
        if (_byPhone.TryGetValue(phoneNumberId, out var cached) && _timeProvider.GetElapsedTime(cached.At, now) < CacheLifetime)
        {
            return cached.Profile;
        }

        var db = _redis.GetDatabase();
        var id = await db.StringGetAsync(PhoneKey(phoneNumberId));
        var profile = id.IsNullOrEmpty ? null : await GetAsync(id.ToString());
        // A profile whose number moved elsewhere no longer owns this one.
        if (profile is not null && profile.PhoneNumberId != phoneNumberId)
        {
            profile = null;
        }
        _byPhone[phoneNumberId] = new CachedLookup(profile, now);
        return profile;
    }

    public async Task<IReadOnlyList<BusinessProfile>> ListAsync()
    {
        var db = _redis.GetDatabase();
        var ids = await db.SetMembersAsync(IdsKey);
        if (ids.Length == 0)
        {
            return [];
        }
        var values = await db.StringGetAsync(ids.Select(i => (RedisKey)ProfileKey(i.ToString())).ToArray());
        return values
            .Where(v => !v.IsNullOrEmpty)
            .Select(v => JsonSerializer.Deserialize<BusinessProfile>(v.ToString(), Json)!)
            .OrderBy(p => p.Id, StringComparer.Ordinal)
            .ToList();
    }

    private sealed record CachedLookup(BusinessProfile? Profile, long At);
}
