using System.Text.Json;
using Microsoft.AspNetCore.Identity;
using StackExchange.Redis;

namespace Assistant.Admin.Security;

/// <summary>Admin users in Redis (<c>admin:user:{id}</c> JSON, <c>admin:users</c> set); passwords hashed with ASP.NET Core Identity's hasher.</summary>
public sealed class UserStore(IConnectionMultiplexer redis, IPasswordHasher<AdminUser> hasher, TimeProvider time)
{
    public const string UsersKey = "admin:users";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string UserKey(string id) => "admin:user:" + id;

    private IDatabase Db => redis.GetDatabase();

    public async Task<AdminUser?> GetAsync(string id)
    {
        var json = await Db.StringGetAsync(UserKey(AdminUser.NormalizeId(id)));
        return json.IsNullOrEmpty ? null : JsonSerializer.Deserialize<AdminUser>(json.ToString(), Json);
    }

    public async Task<IReadOnlyList<AdminUser>> ListAsync()
    {
        var ids = await Db.SetMembersAsync(UsersKey);
        if (ids.Length == 0)
        {
            return [];
        }
        var values = await Db.StringGetAsync(ids.Select(i => (RedisKey)UserKey(i.ToString())).ToArray());
        return values.Where(v => !v.IsNullOrEmpty)
            .Select(v => JsonSerializer.Deserialize<AdminUser>(v.ToString(), Json)!)
            .OrderBy(u => u.Id, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>Creates a user; false when the id is taken.</summary>
    public async Task<AdminUser?> CreateAsync(string email, string displayName, string password, bool allBusinesses, IReadOnlyDictionary<string, BusinessRole> roles)
    {
        var id = AdminUser.NormalizeId(email);
        var user = new AdminUser
        {
            Id = id,
            DisplayName = displayName,
            PasswordHash = "",
            AllBusinesses = allBusinesses,
            Roles = roles,
            CreatedAt = time.GetUtcNow(),
        };
        user = user with { PasswordHash = hasher.HashPassword(user, password) };
        var transaction = Db.CreateTransaction();
        transaction.AddCondition(Condition.KeyNotExists(UserKey(id)));
        _ = transaction.StringSetAsync(UserKey(id), JsonSerializer.Serialize(user, Json));
        _ = transaction.SetAddAsync(UsersKey, id);
        return await transaction.ExecuteAsync() ? user : null;
    }

    public async Task SaveAsync(AdminUser user)
    {
        await Db.StringSetAsync(UserKey(user.Id), JsonSerializer.Serialize(user, Json));
        await Db.SetAddAsync(UsersKey, user.Id);
    }

    public async Task<bool> DeleteAsync(string id)
    {
        var normalized = AdminUser.NormalizeId(id);
        await Db.SetRemoveAsync(UsersKey, normalized);
        return await Db.KeyDeleteAsync(UserKey(normalized));
    }

    /// <summary>The user when the password matches; a hash in an old format is upgraded on the way.</summary>
    public async Task<AdminUser?> VerifyAsync(string email, string password)
    {
        var user = await GetAsync(email);
        if (user is null)
        {
            // Same work as a real check, so the answer time does not tell which user names exist.
            hasher.VerifyHashedPassword(DummyUser, DummyHash, password);
            return null;
        }
        var result = hasher.VerifyHashedPassword(user, user.PasswordHash, password);
        if (result == PasswordVerificationResult.SuccessRehashNeeded)
        {
            user = user with { PasswordHash = hasher.HashPassword(user, password) };
            await SaveAsync(user);
        }
        return result == PasswordVerificationResult.Failed ? null : user;
    }

    private static readonly AdminUser DummyUser = new() { Id = "", DisplayName = "", PasswordHash = "" };

    private static readonly string DummyHash = new PasswordHasher<AdminUser>().HashPassword(DummyUser, Guid.NewGuid().ToString());
}
