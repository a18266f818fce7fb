using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Inbound;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Assistant.Worker.Inbound;

/// <summary>
/// Keeps each conversation in order across worker replicas. The webhook records every entry id in
/// the conversation's sequence (<see cref="ConversationSequence"/>) atomically with the XADD; an
/// entry is handled only when it is the first id left, so no two workers answer one conversation
/// at once and messages are answered in the order they arrived. The one that handles a turn
/// removes every id it answered; the others see theirs gone and just acknowledge.
/// </summary>
public sealed class ConversationTurnGate(IConnectionMultiplexer redis, IOptions<InboundOptions> options, TimeProvider time)
{
    private static readonly TimeSpan StallCheckInterval = TimeSpan.FromSeconds(2);

    private IDatabase Db => redis.GetDatabase();

    /// <summary>
    /// Waits until <paramref name="entryId"/> is the first unhandled entry of its conversation.
    /// False when it was already answered as part of an earlier turn.
    /// </summary>
    public async Task<bool> WaitForTurnAsync(string conversation, string entryId, CancellationToken cancellationToken)
    {
        var key = ConversationSequence.Key(conversation);
        var waitingSince = time.GetUtcNow();
        var nextStallCheck = waitingSince + StallCheckInterval;
        while (true)
        {
            var head = await Db.SortedSetRangeByRankAsync(key, 0, 0);
            if (head.Length == 0)
            {
                return false;
            }
            if (head[0] == entryId)
            {
                return true;
            }
            if (await Db.SortedSetScoreAsync(key, entryId) is null)
            {
                return false;
            }

            if (time.GetUtcNow() >= nextStallCheck)
            {
                nextStallCheck = time.GetUtcNow() + StallCheckInterval;
                await DropIfAbandonedAsync(key, head[0]!);
            }
            await Task.Delay(options.Value.TurnPollInterval, time, cancellationToken);
        }
    }

    /// <summary>The ids of the conversation's entries not yet handled, oldest first.</summary>
    public async Task<IReadOnlyList<string>> PendingAsync(string conversation) =>
        (await Db.SortedSetRangeByRankAsync(ConversationSequence.Key(conversation))).Select(v => v.ToString()).ToList();

    /// <summary>Marks entries handled: later turns of the conversation may go.</summary>
    public Task CompleteAsync(string conversation, IEnumerable<string> entryIds) =>
        Db.SortedSetRemoveAsync(ConversationSequence.Key(conversation), entryIds.Select(id => (RedisValue)id).ToArray());

    /// <summary>
    /// An entry that is neither pending in the group nor being handled was acknowledged without
    /// completing (dead-lettered after repeated failures): it must not block its conversation.
    /// An earlier entry of the stream is always delivered before a later one, so "not pending"
    /// cannot mean "not read yet".
    /// </summary>
    private async Task DropIfAbandonedAsync(string key, string headId)
    {
        var pending = await Db.StreamPendingMessagesAsync(StreamNames.Inbound, InboundConsumerService.GroupName, 1, RedisValue.Null, headId, headId);
        if (pending.Length == 0)
        {
            await Db.SortedSetRemoveAsync(key, headId);
        }
    }
}
