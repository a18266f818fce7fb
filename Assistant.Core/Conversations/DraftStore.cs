using StackExchange.Redis;

namespace Assistant.Core.Conversations;

/// <summary>Drafts awaiting review: by id, with a per-business pending queue ordered by age.</summary>
public sealed class DraftStore(IConnectionMultiplexer redis)
{
    private IDatabase Db => redis.GetDatabase();

    public async Task SaveAsync(DraftRecord draft)
    {
        var db = Db;
        var score = draft.CreatedAt.ToUnixTimeMilliseconds();
        await db.StringSetAsync(ConversationKeys.Draft(draft.Id), ConversationJson.Serialize(draft));
        await db.SortedSetAddAsync(ConversationKeys.BusinessDrafts(draft.BusinessId), draft.Id, score);
        if (draft.Status is DraftStatus.Pending or DraftStatus.Escalated)
        {
            await db.SortedSetAddAsync(ConversationKeys.BusinessPendingDrafts(draft.BusinessId), draft.Id, score);
        }
        else
        {
            await db.SortedSetRemoveAsync(ConversationKeys.BusinessPendingDrafts(draft.BusinessId), draft.Id);
        }
    }

    public async Task<DraftRecord?> GetAsync(string id)
    {
        var json = await Db.StringGetAsync(ConversationKeys.Draft(id));
        return json.IsNullOrEmpty ? null : ConversationJson.Deserialize<DraftRecord>(json.ToString());
    }

    /// <summary>
    /// Moves a draft from <paramref name="expectedStatus"/> to its new state only if nobody else
    /// did first: two agents clicking approve send the answer once.
    /// </summary>
    public async Task<bool> TryTransitionAsync(DraftRecord updated, string expectedStatus)
    {
        var db = Db;
        var key = (RedisKey)ConversationKeys.Draft(updated.Id);
        var current = await GetAsync(updated.Id);
        if (current is null || current.Status != expectedStatus)
        {
            return false;
        }
        var transaction = db.CreateTransaction();
        transaction.AddCondition(Condition.StringEqual(key, ConversationJson.Serialize(current)));
        _ = transaction.StringSetAsync(key, ConversationJson.Serialize(updated));
        if (updated.Status is DraftStatus.Pending or DraftStatus.Escalated)
        {
            _ = transaction.SortedSetAddAsync(ConversationKeys.BusinessPendingDrafts(updated.BusinessId), updated.Id, updated.CreatedAt.ToUnixTimeMilliseconds());
        }
        else
        {
            _ = transaction.SortedSetRemoveAsync(ConversationKeys.BusinessPendingDrafts(updated.BusinessId), updated.Id);
        }
        return await transaction.ExecuteAsync();
    }

    public Task<IReadOnlyList<DraftRecord>> ListPendingAsync(string businessId, int take = 100) =>
        ListAsync(ConversationKeys.BusinessPendingDrafts(businessId), take, Order.Ascending);

    public Task<IReadOnlyList<DraftRecord>> ListAllAsync(string businessId, int take = 500) =>
        ListAsync(ConversationKeys.BusinessDrafts(businessId), take, Order.Descending);

    private async Task<IReadOnlyList<DraftRecord>> ListAsync(string index, int take, Order order)
    {
        var ids = await Db.SortedSetRangeByRankAsync(index, 0, take - 1, order);
        var values = await Db.StringGetAsync(ids.Select(id => (RedisKey)ConversationKeys.Draft(id.ToString())).ToArray());
        return values.Where(v => !v.IsNullOrEmpty).Select(v => ConversationJson.Deserialize<DraftRecord>(v.ToString())).ToList();
    }

    public async Task DeleteForConversationAsync(string businessId, string conversationKey)
    {
        foreach (var draft in await ListAllAsync(businessId, 100_000))
        {
            if (draft.ConversationKey == conversationKey)
            {
                await Db.KeyDeleteAsync(ConversationKeys.Draft(draft.Id));
                await Db.SortedSetRemoveAsync(ConversationKeys.BusinessDrafts(businessId), draft.Id);
                await Db.SortedSetRemoveAsync(ConversationKeys.BusinessPendingDrafts(businessId), draft.Id);
            }
        }
    }
}
