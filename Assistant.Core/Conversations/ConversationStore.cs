using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Assistant.Core.Conversations;

/// <summary>
/// Conversations and their messages in Redis. The record is a JSON document under
/// <c>conv:{key}</c>; its updates are read-modify-write inside a per-key optimistic transaction,
/// so the worker and an agent in the admin never overwrite each other's change.
/// </summary>
public sealed class ConversationStore(IConnectionMultiplexer redis, IOptions<ConversationStoreOptions> options, TimeProvider time)
{
    private const int MaxUpdateAttempts = 20;

    private IDatabase Db => redis.GetDatabase();

    public async Task<ConversationRecord?> GetAsync(string key)
    {
        var json = await Db.StringGetAsync(ConversationKeys.Conversation(key));
        return json.IsNullOrEmpty ? null : ConversationJson.Deserialize<ConversationRecord>(json.ToString());
    }

    /// <summary>The conversation, created in the bot state on the first message.</summary>
    public async Task<ConversationRecord> GetOrCreateAsync(string businessId, string key, ContactInfo contact)
    {
        var now = time.GetUtcNow();
        var created = new ConversationRecord
        {
            Key = key,
            BusinessId = businessId,
            Contact = contact,
            CreatedAt = now,
            LastActivityAt = now,
        };
        var db = Db;
        if (await db.StringSetAsync(ConversationKeys.Conversation(key), ConversationJson.Serialize(created), when: When.NotExists))
        {
            await db.SortedSetAddAsync(ConversationKeys.BusinessConversations(businessId), key, now.ToUnixTimeMilliseconds());
            return created;
        }

        var existing = await GetAsync(key) ?? created;
        // A name or a phone can appear later (a profile name, a BSUID-only user who shares a number).
        if (existing.Contact != contact && (contact.Name is not null || contact.WaId is not null))
        {
            return await UpdateAsync(key, c => c with
            {
                Contact = new ContactInfo(contact.WaId ?? c.Contact.WaId, contact.UserId ?? c.Contact.UserId, contact.Name ?? c.Contact.Name, contact.Username ?? c.Contact.Username),
            }) ?? existing;
        }
        return existing;
    }

    /// <summary>Applies <paramref name="change"/> atomically; retried when another writer got there first. Null when absent.</summary>
    public async Task<ConversationRecord?> UpdateAsync(string key, Func<ConversationRecord, ConversationRecord> change)
    {
        var db = Db;
        var redisKey = (RedisKey)ConversationKeys.Conversation(key);
        for (var attempt = 0; attempt < MaxUpdateAttempts; attempt++)
        {
            var json = await db.StringGetAsync(redisKey);
            if (json.IsNullOrEmpty)
            {
                return null;
            }
            var updated = change(ConversationJson.Deserialize<ConversationRecord>(json.ToString()));
            var transaction = db.CreateTransaction();
            transaction.AddCondition(Condition.StringEqual(redisKey, json));
            _ = transaction.StringSetAsync(redisKey, ConversationJson.Serialize(updated));
            _ = transaction.SortedSetAddAsync(ConversationKeys.BusinessConversations(updated.BusinessId), key, updated.LastActivityAt.ToUnixTimeMilliseconds());
            // Whoever changes the state keeps the index of human conversations right, so the
            // automatic release never has to scan every conversation.
            _ = updated.State == ConversationState.Human
                ? transaction.SortedSetAddAsync(ConversationKeys.BusinessHumanConversations(updated.BusinessId), key, (updated.HumanSince ?? updated.LastActivityAt).ToUnixTimeMilliseconds())
                : transaction.SortedSetRemoveAsync(ConversationKeys.BusinessHumanConversations(updated.BusinessId), key);
            if (await transaction.ExecuteAsync())
            {
                return updated;
            }
        }
        throw new InvalidOperationException($"Conversation {key} kept changing under {MaxUpdateAttempts} attempts to update it.");
    }

    /// <summary>Adds a line to the thread (bounded) and moves the conversation up the inbox.</summary>
    public async Task AppendAsync(ConversationMessage message, string businessId)
    {
        var db = Db;
        var listKey = ConversationKeys.Messages(message.ConversationKey);
        var batch = db.CreateBatch();
        var push = batch.ListRightPushAsync(listKey, ConversationJson.Serialize(message));
        var trim = batch.ListTrimAsync(listKey, -options.Value.MaxMessagesKept, -1);
        var rank = batch.SortedSetAddAsync(ConversationKeys.BusinessConversations(businessId), message.ConversationKey, message.At.ToUnixTimeMilliseconds());
        batch.Execute();
        await Task.WhenAll(push, trim, rank);
    }

    /// <summary>
    /// Adds the line unless a line with its id was added before: a turn handled again after a
    /// crash does not show twice. The marker lives as long as Meta may redeliver (8 days).
    /// </summary>
    public async Task<bool> AppendOnceAsync(ConversationMessage message, string businessId)
    {
        if (!await Db.StringSetAsync($"conv:line:{message.Id}", "1", TimeSpan.FromDays(8), When.NotExists))
        {
            return false;
        }
        await AppendAsync(message, businessId);
        return true;
    }

    public async Task<IReadOnlyList<ConversationMessage>> GetMessagesAsync(string key, int last = 50)
    {
        var values = await Db.ListRangeAsync(ConversationKeys.Messages(key), -Math.Max(1, last), -1);
        return values.Select(v => ConversationJson.Deserialize<ConversationMessage>(v.ToString())).ToList();
    }

    /// <summary>Updates one line (a delivery tick, a wamid); looks through the most recent lines only.</summary>
    public async Task<bool> UpdateMessageAsync(string key, Func<ConversationMessage, bool> match, Func<ConversationMessage, ConversationMessage> change, int searchLast = 100)
    {
        var db = Db;
        var listKey = ConversationKeys.Messages(key);
        var length = await db.ListLengthAsync(listKey);
        var start = Math.Max(0, length - searchLast);
        var values = await db.ListRangeAsync(listKey, start, -1);
        for (var i = values.Length - 1; i >= 0; i--)
        {
            var message = ConversationJson.Deserialize<ConversationMessage>(values[i].ToString());
            if (match(message))
            {
                await db.ListSetByIndexAsync(listKey, start + i, ConversationJson.Serialize(change(message)));
                return true;
            }
        }
        return false;
    }

    /// <summary>A business's conversations, most recently active first.</summary>
    public async Task<IReadOnlyList<ConversationRecord>> ListAsync(string businessId, int skip = 0, int take = 100)
    {
        var keys = await Db.SortedSetRangeByRankAsync(ConversationKeys.BusinessConversations(businessId), skip, skip + take - 1, Order.Descending);
        if (keys.Length == 0)
        {
            return [];
        }
        var values = await Db.StringGetAsync(keys.Select(k => (RedisKey)ConversationKeys.Conversation(k.ToString())).ToArray());
        return values.Where(v => !v.IsNullOrEmpty).Select(v => ConversationJson.Deserialize<ConversationRecord>(v.ToString())).ToList();
    }

    /// <summary>Deletes a conversation and its messages (erasure, retention).</summary>
    public async Task DeleteAsync(string businessId, string key)
    {
        var db = Db;
        await db.KeyDeleteAsync([ConversationKeys.Conversation(key), ConversationKeys.Messages(key)]);
        await db.SortedSetRemoveAsync(ConversationKeys.BusinessConversations(businessId), key);
        await db.SortedSetRemoveAsync(ConversationKeys.BusinessHumanConversations(businessId), key);
    }

    /// <summary>The keys of the business's conversations in the human state.</summary>
    public async Task<IReadOnlyList<string>> ListHumanAsync(string businessId)
    {
        var keys = await Db.SortedSetRangeByRankAsync(ConversationKeys.BusinessHumanConversations(businessId));
        return keys.Select(k => k.ToString()).ToList();
    }

    /// <summary>Keys of the business's conversations last active in [<paramref name="from"/>, <paramref name="to"/>], newest first.</summary>
    public async Task<IReadOnlyList<string>> ListKeysAsync(string businessId, DateTimeOffset? from = null, DateTimeOffset? to = null)
    {
        var keys = await Db.SortedSetRangeByScoreAsync(
            ConversationKeys.BusinessConversations(businessId),
            from?.ToUnixTimeMilliseconds() ?? double.NegativeInfinity,
            to?.ToUnixTimeMilliseconds() ?? double.PositiveInfinity,
            order: Order.Descending);
        return keys.Select(k => k.ToString()).ToList();
    }

    /// <summary>Several conversations at once (missing ones left out).</summary>
    public async Task<IReadOnlyList<ConversationRecord>> GetManyAsync(IReadOnlyList<string> keys)
    {
        if (keys.Count == 0)
        {
            return [];
        }
        var values = await Db.StringGetAsync(keys.Select(k => (RedisKey)ConversationKeys.Conversation(k)).ToArray());
        return values.Where(v => !v.IsNullOrEmpty).Select(v => ConversationJson.Deserialize<ConversationRecord>(v.ToString())).ToList();
    }

    /// <summary>Deletes the business's conversations idle for longer than the retention setting; returns how many.</summary>
    public async Task<int> DeleteExpiredAsync(string businessId)
    {
        var cutoff = time.GetUtcNow().AddDays(-options.Value.RetentionDays).ToUnixTimeMilliseconds();
        var expired = await Db.SortedSetRangeByScoreAsync(ConversationKeys.BusinessConversations(businessId), double.NegativeInfinity, cutoff);
        foreach (var key in expired)
        {
            await DeleteAsync(businessId, key.ToString());
        }
        return expired.Length;
    }
}
