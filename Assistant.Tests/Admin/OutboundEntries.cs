using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Outbound;
using Assistant.Tests.Infrastructure;
using StackExchange.Redis;

namespace Assistant.Tests.Admin;

/// <summary>What reached <c>wa:outbound</c> for one conversation (the sender's input).</summary>
public static class OutboundEntries
{
    public static async Task<IReadOnlyList<OutboundMessage>> ForAsync(IDatabase db, string conversationKey)
    {
        var entries = await db.StreamRangeAsync(StreamNames.Outbound).Within();
        return entries
            .Select(e => OutboundMessage.Deserialize((string)e[OutboundQueue.MessageField]!))
            .Where(m => m.ConversationKey == conversationKey)
            .ToList();
    }
}
