using System.Globalization;
using Assistant.Core.Streams;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>Queues outbound messages on <see cref="StreamNames.Outbound"/>, creating each <c>out:{id}</c> record in the same transaction.</summary>
public sealed class OutboundQueue(IConnectionMultiplexer redis, OutboundRecordStore records, IOptions<OutboundOptions> options, TimeProvider timeProvider) : IOutboundQueue
{
    public const string IdField = "id";
    public const string MessageField = "message";
    public const string EnqueuedAtField = "enqueuedAt";

    public async Task<IReadOnlyList<string>> EnqueueAsync(OutboundMessage message, CancellationToken cancellationToken = default)
    {
        var queued = new List<string>();
        foreach (var part in OutboundMessagePreparer.Prepare(message))
        {
            cancellationToken.ThrowIfCancellationRequested();

            // Record and entry together, and only if the record is new: a repeated enqueue of the same id is a no-op.
            var transaction = redis.GetDatabase().CreateTransaction();
            await records.CreateAsync(part, options.Value.RecordTtl, transaction);
            _ = transaction.StreamAddAsync(StreamNames.Outbound, Fields(part));
            _ = transaction.PublishWakeupAsync(StreamNames.Outbound);
            if (await transaction.ExecuteAsync())
            {
                queued.Add(part.Id);
            }
        }

        return queued;
    }

    /// <summary>Queues a message again whose record exists (retry after a failed status); the record goes back to <c>queued</c>.</summary>
    public async Task RequeueAsync(OutboundMessage message, string reason)
    {
        await records.ResetForRequeueAsync(message.Id, reason);
        await redis.GetDatabase().AddAndWakeAsync(StreamNames.Outbound, Fields(message));
    }

    private NameValueEntry[] Fields(OutboundMessage message) =>
    [
        new(IdField, message.Id),
        new(MessageField, message.Serialize()),
        new(EnqueuedAtField, timeProvider.GetUtcNow().ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture)),
        .. StreamEntryExtensions.CurrentTraceFields(),
    ];
}
