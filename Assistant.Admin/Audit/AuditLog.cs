using System.Globalization;
using Assistant.Admin.Security;
using StackExchange.Redis;

namespace Assistant.Admin.Audit;

/// <summary>
/// Every admin action, in the capped stream <c>admin:audit</c>. Targets name conversations by key
/// and never carry message texts; privacy actions name the contact by a hash only, so the log does
/// not keep what an erasure removed.
/// </summary>
public sealed class AuditLog(IConnectionMultiplexer redis, TimeProvider time)
{
    public const string StreamKey = "admin:audit";
    public const int EntriesKept = 100_000;

    public async Task WriteAsync(AdminCaller caller, string action, string? businessId, string? target = null, string? detail = null) =>
        await WriteAsync(caller.Actor, action, businessId, target, detail);

    public async Task WriteAsync(string actor, string action, string? businessId, string? target = null, string? detail = null)
    {
        await redis.GetDatabase().StreamAddAsync(StreamKey,
        [
            new("at", time.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
            new("actor", actor),
            new("action", action),
            new("businessId", businessId ?? ""),
            new("target", target ?? ""),
            new("detail", detail ?? ""),
        ], maxLength: EntriesKept, useApproximateMaxLength: true);
    }

    /// <summary>The newest entries first; with <paramref name="visible"/> only those of businesses it accepts (and none without a business).</summary>
    public async Task<IReadOnlyList<AuditEntry>> ReadAsync(Func<string?, bool> visible, string? businessId, int take)
    {
        var result = new List<AuditEntry>();
        RedisValue end = "+";
        while (result.Count < take)
        {
            var batch = await redis.GetDatabase().StreamRangeAsync(StreamKey, "-", end, 500, Order.Descending);
            foreach (var entry in batch)
            {
                var business = Empty((string?)entry["businessId"]);
                if ((businessId is null || business == businessId) && visible(business))
                {
                    result.Add(new AuditEntry(
                        entry.Id!,
                        DateTimeOffset.FromUnixTimeMilliseconds(long.Parse((string)entry["at"]!, CultureInfo.InvariantCulture)),
                        (string)entry["actor"]!,
                        (string)entry["action"]!,
                        business,
                        Empty((string?)entry["target"]),
                        Empty((string?)entry["detail"])));
                    if (result.Count == take)
                    {
                        break;
                    }
                }
            }
            if (batch.Length < 500)
            {
                break;
            }
            end = "(" + batch[^1].Id;
        }
        return result;
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
