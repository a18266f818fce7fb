using Assistant.Core.Conversations;
using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Inbound;
using Assistant.Core.WhatsApp.Outbound;
using StackExchange.Redis;

namespace Assistant.Admin.Services;

/// <summary>
/// Export and erasure of everything held about one contact of one business: conversations,
/// messages and their markers, the summary (the conversation's memory), hand-offs, drafts,
/// sandbox deliveries, outbound records and their wamid index, dedupe markers, the customer
/// service window, and the entries of the shared streams that mention the contact. Knowledge
/// passages are built from the business's files, never from conversations, so no vector entry
/// derives from a contact. The opt-out list keeps the contact: it is what stops us writing to
/// them again.
/// </summary>
public sealed class PrivacyService(
    IConnectionMultiplexer redis,
    ConversationStore conversations,
    HandoffStore handoffs,
    DraftStore drafts,
    SandboxOutbox sandbox,
    OutboundRecordStore outbound,
    ContactPreferences preferences,
    TimeProvider time)
{
    private const int StreamBatch = 1000;

    private IDatabase Db => redis.GetDatabase();

    /// <summary>The conversations of the business whose contact has this phone or BSUID.</summary>
    public async Task<IReadOnlyList<ConversationRecord>> FindAsync(string businessId, string contact)
    {
        var keys = await conversations.ListKeysAsync(businessId);
        var found = new List<ConversationRecord>();
        foreach (var chunk in keys.Chunk(500))
        {
            found.AddRange((await conversations.GetManyAsync(chunk)).Where(c => c.Contact.WaId == contact || c.Contact.UserId == contact));
        }
        return found;
    }

    public async Task<ContactExport> ExportAsync(string businessId, string contact)
    {
        var result = new List<ConversationExport>();
        foreach (var conversation in await FindAsync(businessId, contact))
        {
            var key = conversation.Key;
            var records = new List<OutboundRecordExport>();
            foreach (var id in await OutboundIdsAsync(key))
            {
                if (await outbound.GetAsync(id) is { } record)
                {
                    records.Add(new OutboundRecordExport(id, record.Fields));
                }
            }
            result.Add(new ConversationExport(
                conversation,
                await conversations.GetMessagesAsync(key, int.MaxValue),
                (await handoffs.ListAsync(businessId, 10_000)).Where(h => h.ConversationKey == key).ToList(),
                (await drafts.ListAllAsync(businessId, 100_000)).Where(d => d.ConversationKey == key).ToList(),
                await sandbox.ReadAsync(businessId, key, 10_000),
                records));
        }
        return new ContactExport(businessId, contact, time.GetUtcNow(), result, await preferences.IsOptedOutAsync(businessId, contact));
    }

    /// <summary>Erases the contact's data in the business; returns how many conversations went.</summary>
    public async Task<int> EraseAsync(string businessId, string contact)
    {
        var found = await FindAsync(businessId, contact);
        foreach (var conversation in found)
        {
            await EraseConversationAsync(conversation);
        }
        return found.Count;
    }

    /// <summary>Erases one conversation and everything derived from it (also used by the retention).</summary>
    public async Task EraseConversationAsync(ConversationRecord conversation)
    {
        var db = Db;
        var businessId = conversation.BusinessId;
        var key = conversation.Key;
        var lines = await conversations.GetMessagesAsync(key, int.MaxValue);
        var outboundIds = await OutboundIdsAsync(key);
        var wamids = new HashSet<string>(StringComparer.Ordinal);
        var keys = new List<RedisKey>
        {
            CustomerServiceWindow.Key(businessId, key),
            ConversationSequence.Key(key),
            SandboxOutbox.StreamKey(businessId, key),
        };
        foreach (var line in lines)
        {
            keys.Add($"conv:line:{line.Id}");
            if (line.Wamid is { } wamid)
            {
                wamids.Add(wamid);
            }
        }
        foreach (var id in outboundIds)
        {
            if (await outbound.GetAsync(id) is { Wamid: { } wamid })
            {
                keys.Add(OutboundRecordStore.WamidKey(wamid));
            }
            keys.Add(OutboundRecordStore.Key(id));
            keys.Add("sandbox:sent:" + id);
            keys.Add(OutboundRecordStore.WamidKey(SandboxOutbox.SandboxWamid(id)));
        }
        foreach (var wamid in wamids)
        {
            keys.Add(InboundLimits.DedupePrefix + "m:" + wamid);
            keys.Add(InboundLimits.DedupePrefix + "e:" + wamid);
            keys.Add("handoff:dedupe:" + wamid);
            keys.Add(OutboundRecordStore.WamidKey(wamid));
        }
        foreach (var chunk in keys.Chunk(500))
        {
            await db.KeyDeleteAsync(chunk);
        }
        await db.SetRemoveAsync(SandboxOutbox.ConversationsKey(businessId), key);
        await handoffs.DeleteForConversationAsync(businessId, key);
        await drafts.DeleteForConversationAsync(businessId, key);
        await conversations.DeleteAsync(businessId, key);

        var needles = new[] { key, conversation.Contact.WaId, conversation.Contact.UserId }.OfType<string>().Where(n => n.Length > 0).ToArray();
        foreach (var stream in new[]
        {
            StreamNames.Inbound, StreamNames.InboundDeadLetter, StreamNames.Outbound, StreamNames.OutboundDeadLetter,
            StreamNames.Statuses, StreamNames.HandoffRequests, AssistantEventPublisher.EventStream(businessId),
        })
        {
            await DeleteMentionsAsync(stream, needles);
        }
    }

    /// <summary>
    /// Ids of the conversation's outbound records: from its lines, its sandbox deliveries and a
    /// scan of <c>out:*</c> by conversation key (records of split texts and templates have no line).
    /// </summary>
    private async Task<IReadOnlyCollection<string>> OutboundIdsAsync(string conversationKey)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in await conversations.GetMessagesAsync(conversationKey, int.MaxValue))
        {
            if (line.OutboundId is { } id)
            {
                ids.Add(id);
            }
        }
        var db = Db;
        foreach (var server in redis.GetServers().Where(s => s.IsConnected && !s.IsReplica))
        {
            await foreach (var redisKey in server.KeysAsync(db.Database, "out:*", pageSize: 1000))
            {
                var name = redisKey.ToString();
                if (name.StartsWith("out:wamid:", StringComparison.Ordinal))
                {
                    continue;
                }
                if (await db.HashGetAsync(redisKey, "conversationKey") == conversationKey)
                {
                    ids.Add(name["out:".Length..]);
                }
            }
        }
        return ids;
    }

    private async Task DeleteMentionsAsync(string stream, string[] needles)
    {
        var db = Db;
        RedisValue start = "-";
        while (true)
        {
            var entries = await db.StreamRangeAsync(stream, start, "+", StreamBatch);
            var doomed = entries
                .Where(e => e.Values.Any(v => !v.Value.IsNull && needles.Any(n => v.Value.ToString().Contains(n, StringComparison.Ordinal))))
                .Select(e => e.Id)
                .ToArray();
            if (doomed.Length > 0)
            {
                await db.StreamDeleteAsync(stream, doomed);
            }
            if (entries.Length < StreamBatch)
            {
                return;
            }
            start = "(" + entries[^1].Id;
        }
    }
}
