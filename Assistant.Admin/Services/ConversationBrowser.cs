using Assistant.Core.Conversations;
using Assistant.Core.WhatsApp.Outbound;

namespace Assistant.Admin.Services;

/// <summary>Reads conversations for the console: the filtered inbox, and one thread with its delivery states.</summary>
public sealed class ConversationBrowser(ConversationStore conversations, HandoffStore handoffs, DraftStore drafts, OutboundRecordStore outbound)
{
    private const int PageOfKeys = 200;

    /// <summary>Conversations last active in the query's period, newest first, filtered then paged.</summary>
    public async Task<IReadOnlyList<ConversationRecord>> ListAsync(string businessId, ConversationQuery query)
    {
        var keys = await conversations.ListKeysAsync(businessId, query.From, query.To);
        var matched = new List<ConversationRecord>();
        var skipped = 0;
        for (var i = 0; i < keys.Count && matched.Count < query.Take; i += PageOfKeys)
        {
            var page = await conversations.GetManyAsync(keys.Skip(i).Take(PageOfKeys).ToList());
            foreach (var conversation in page.Where(query.Matches))
            {
                if (skipped < query.Skip)
                {
                    skipped++;
                    continue;
                }
                matched.Add(conversation);
                if (matched.Count == query.Take)
                {
                    break;
                }
            }
        }
        return matched;
    }

    public async Task<ConversationDetail?> GetAsync(string businessId, string key, int lines)
    {
        var conversation = await conversations.GetAsync(key);
        if (conversation is null || conversation.BusinessId != businessId)
        {
            return null;
        }
        var messages = await conversations.GetMessagesAsync(key, lines);
        var thread = new List<ThreadLine>(messages.Count);
        foreach (var message in messages)
        {
            var record = message.OutboundId is null ? null : await outbound.GetAsync(message.OutboundId);
            thread.Add(new ThreadLine(message, record?.State is { Length: > 0 } state ? state : message.DeliveryStatus, SentAt(record), record?.LastError));
        }
        var conversationHandoffs = (await handoffs.ListAsync(businessId, 500)).Where(h => h.ConversationKey == key).ToList();
        var conversationDrafts = (await drafts.ListAllAsync(businessId)).Where(d => d.ConversationKey == key).ToList();
        return new ConversationDetail(conversation, thread, conversationHandoffs, conversationDrafts);
    }

    /// <summary>When the sender handed the message to Meta (or the sandbox), from the outbound record.</summary>
    public static DateTimeOffset? SentAt(OutboundRecord? record) =>
        record is not null && record.Fields.TryGetValue("sentAt", out var raw) && long.TryParse(raw, out var ms)
            ? DateTimeOffset.FromUnixTimeMilliseconds(ms)
            : null;
}
