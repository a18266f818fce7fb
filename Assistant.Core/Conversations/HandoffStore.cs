using StackExchange.Redis;

namespace Assistant.Core.Conversations;

/// <summary>Hand-off records by id, indexed per business by creation time.</summary>
public sealed class HandoffStore(IConnectionMultiplexer redis)
{
    private IDatabase Db => redis.GetDatabase();

    public async Task SaveAsync(HandoffRecord handoff)
    {
        var db = Db;
        await db.StringSetAsync(ConversationKeys.Handoff(handoff.Id), ConversationJson.Serialize(handoff));
        await db.SortedSetAddAsync(ConversationKeys.BusinessHandoffs(handoff.BusinessId), handoff.Id, handoff.CreatedAt.ToUnixTimeMilliseconds());
    }

    public async Task<HandoffRecord?> GetAsync(string id)
    {
        var json = await Db.StringGetAsync(ConversationKeys.Handoff(id));
        return json.IsNullOrEmpty ? null : ConversationJson.Deserialize<HandoffRecord>(json.ToString());
    }

    public async Task<IReadOnlyList<HandoffRecord>> ListAsync(string businessId, int take = 100)
    {
        var ids = await Db.SortedSetRangeByRankAsync(ConversationKeys.BusinessHandoffs(businessId), 0, take - 1, Order.Descending);
        var values = await Db.StringGetAsync(ids.Select(id => (RedisKey)ConversationKeys.Handoff(id.ToString())).ToArray());
        return values.Where(v => !v.IsNullOrEmpty).Select(v => ConversationJson.Deserialize<HandoffRecord>(v.ToString())).ToList();
    }

    /// <summary>Closes every open hand-off of a conversation (it was taken over or released).</summary>
    public async Task CloseOpenAsync(string businessId, string conversationKey, string status)
    {
        foreach (var handoff in await ListAsync(businessId, 500))
        {
            if (handoff.ConversationKey == conversationKey && handoff.Status == "open")
            {
                await SaveAsync(handoff with { Status = status });
            }
        }
    }

    public async Task DeleteForConversationAsync(string businessId, string conversationKey)
    {
        foreach (var handoff in await ListAsync(businessId, 10_000))
        {
            if (handoff.ConversationKey == conversationKey)
            {
                await Db.KeyDeleteAsync(ConversationKeys.Handoff(handoff.Id));
                await Db.SortedSetRemoveAsync(ConversationKeys.BusinessHandoffs(businessId), handoff.Id);
            }
        }
    }
}
