using System.Globalization;
using StackExchange.Redis;

namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>
/// Reads and writes <c>out:{id}</c> records and the <c>out:wamid:{wamid}</c> index. State changes
/// only move forward (queued, sending, sent, delivered, read; failed/suppressed/replaced are final)
/// except through the explicit compare-and-set of <see cref="TryBeginSendAsync"/> and <see cref="ResetForRequeueAsync"/>,
/// so a status webhook that overtakes the sender's own write is never undone.
/// </summary>
public sealed class OutboundRecordStore(IConnectionMultiplexer redis, TimeProvider timeProvider)
{
    // Ranks of forward-only states; an unknown or missing state ranks lowest.
    private const string AdvanceScript = """
        local ranks = { queued = 0, sending = 1, sent = 2, delivered = 3, read = 4, failed = 5, suppressed = 5, replaced = 5 }
        local current = redis.call('HGET', KEYS[1], 'state')
        local currentRank = -1
        if current then currentRank = ranks[current] or -1 end
        local advanced = 0
        if (ranks[ARGV[1]] or -1) > currentRank then
          redis.call('HSET', KEYS[1], 'state', ARGV[1])
          advanced = 1
        end
        for i = 3, #ARGV, 2 do
          redis.call('HSET', KEYS[1], ARGV[i], ARGV[i + 1])
        end
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return advanced
        """;

    // Compare-and-set on (state, leaseUntil): only the process that saw the record in that exact
    // condition gets to send; any concurrent writer makes it lose.
    private const string BeginSendScript = """
        local state = redis.call('HGET', KEYS[1], 'state') or ''
        local lease = redis.call('HGET', KEYS[1], 'leaseUntil') or ''
        if state ~= ARGV[1] or lease ~= ARGV[2] then return 0 end
        redis.call('HSET', KEYS[1], 'state', 'sending', 'leaseUntil', ARGV[3], 'owner', ARGV[4], 'sendingAt', ARGV[5], 'mergedInto', ARGV[6])
        redis.call('HINCRBY', KEYS[1], 'attempts', 1)
        redis.call('PEXPIRE', KEYS[1], ARGV[7])
        return 1
        """;

    public static string Key(string id) => "out:" + id;

    public static string WamidKey(string wamid) => "out:wamid:" + wamid;

    private IDatabase Database => redis.GetDatabase();

    public async Task<OutboundRecord?> GetAsync(string id) => OutboundRecord.From(id, await Database.HashGetAllAsync(Key(id)));

    /// <summary>Our id for a wamid Meta gave us (the merge leader's id for merged texts).</summary>
    public async Task<string?> FindByWamidAsync(string wamid)
    {
        var value = await Database.StringGetAsync(WamidKey(wamid));
        return value.IsNullOrEmpty ? null : (string?)value;
    }

    /// <summary>Creates the record of a queued message; false when it exists already (the message was queued before).</summary>
    public async Task<bool> CreateAsync(OutboundMessage message, TimeSpan ttl, ITransaction? transaction = null)
    {
        var now = Stamp(timeProvider.GetUtcNow());
        var fields = new HashEntry[]
        {
            new("state", OutboundState.Queued),
            new("attempts", 0),
            new("businessId", message.BusinessId),
            new("conversationKey", message.ConversationKey),
            new("kind", message.Kind.ToString()),
            new("payload", message.Serialize()),
            new("createdAt", Stamp(message.CreatedAt)),
            new("queuedAt", now),
        };

        if (transaction is not null)
        {
            transaction.AddCondition(Condition.KeyNotExists(Key(message.Id)));
            _ = transaction.HashSetAsync(Key(message.Id), fields);
            _ = transaction.KeyExpireAsync(Key(message.Id), ttl);
            return true;
        }

        var own = Database.CreateTransaction();
        own.AddCondition(Condition.KeyNotExists(Key(message.Id)));
        _ = own.HashSetAsync(Key(message.Id), fields);
        _ = own.KeyExpireAsync(Key(message.Id), ttl);
        return await own.ExecuteAsync();
    }

    /// <summary>Takes the record from exactly (<paramref name="expected"/>.State, lease) to <c>sending</c> with a new lease; false if anything changed it meanwhile.</summary>
    public async Task<bool> TryBeginSendAsync(string id, OutboundRecord? expected, DateTimeOffset leaseUntil, string owner, string? mergedInto, TimeSpan ttl)
    {
        var result = await Database.ScriptEvaluateAsync(BeginSendScript, [Key(id)],
        [
            expected?.State ?? "",
            expected?.LeaseRaw ?? "",
            leaseUntil.ToUnixTimeMilliseconds(),
            owner,
            Stamp(timeProvider.GetUtcNow()),
            mergedInto ?? "",
            (long)ttl.TotalMilliseconds,
        ]);
        return (long)result == 1;
    }

    /// <summary>Moves the lease on while the owner retries, and counts the attempt.</summary>
    public Task ExtendLeaseAsync(string id, DateTimeOffset leaseUntil, int attempts) =>
        Database.HashSetAsync(Key(id), [new("leaseUntil", leaseUntil.ToUnixTimeMilliseconds()), new("attempts", attempts)]);

    /// <summary>Records the wamid for every id sent in one request (before the queue entries are acked).</summary>
    public async Task MarkAcceptedAsync(IReadOnlyList<string> ids, string leaderId, string? wamid, string state, TimeSpan ttl)
    {
        var batch = Database.CreateBatch();
        var tasks = new List<Task>();
        var now = Stamp(timeProvider.GetUtcNow());
        foreach (var id in ids)
        {
            var extra = new List<RedisValue> { state, (long)ttl.TotalMilliseconds, "sentAt", now, "wamid", wamid ?? "" };
            if (id == leaderId && ids.Count > 1)
            {
                extra.Add("members");
                extra.Add(string.Join(',', ids));
            }

            tasks.Add(batch.ScriptEvaluateAsync(AdvanceScript, [Key(id)], [.. extra]));
        }

        if (wamid is not null)
        {
            tasks.Add(batch.StringSetAsync(WamidKey(wamid), leaderId, ttl));
        }

        batch.Execute();
        await Task.WhenAll(tasks);
    }

    /// <summary>Moves a record forward to <paramref name="state"/> (never back) and sets the given fields.</summary>
    public async Task<bool> AdvanceAsync(string id, string state, TimeSpan ttl, params (string Name, string Value)[] fields)
    {
        var args = new List<RedisValue> { state, (long)ttl.TotalMilliseconds };
        foreach (var (name, value) in fields)
        {
            args.Add(name);
            args.Add(value);
        }

        return (long)await Database.ScriptEvaluateAsync(AdvanceScript, [Key(id)], [.. args]) == 1;
    }

    /// <summary>Back to <c>queued</c> for another send (a failed status with a retryable error), keeping the attempt count.</summary>
    public Task ResetForRequeueAsync(string id, string reason) =>
        Database.HashSetAsync(Key(id),
        [
            new("state", OutboundState.Queued),
            new("wamid", ""),
            new("leaseUntil", ""),
            new("owner", ""),
            new("lastError", reason),
            new("requeuedAt", Stamp(timeProvider.GetUtcNow())),
        ]);

    internal static string Stamp(DateTimeOffset value) => value.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
}
