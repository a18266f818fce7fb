using System.Globalization;
using Assistant.Core.WhatsApp.Inbound;
using Assistant.Core.WhatsApp.Outbound;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Assistant.Worker.Sending;

/// <summary>
/// Applies status webhooks to <c>out:{id}</c> records: sent, delivered and read move the record
/// forward (never back); failed is retried (re-queued), re-engaged (131047) or dead-lettered. The
/// record is found by <c>biz_opaque_callback_data</c> (our id) first, so a status also settles a
/// send whose wamid the sender never got to record.
/// </summary>
public sealed partial class DeliveryStatusHandler(
    IConnectionMultiplexer redis,
    OutboundRecordStore records,
    OutboundQueue queue,
    OutboundFailureHandler failures,
    SenderMetrics metrics,
    IOptions<OutboundOptions> options,
    ILogger<DeliveryStatusHandler> logger)
{
    public async Task HandleAsync(StreamEntry entry, CancellationToken cancellationToken)
    {
        var status = DeliveryStatusReader.Read(entry);
        if (status is null)
        {
            var entryId = (string?)entry.Id;
            LogUnreadable(logger, entryId);
            return;
        }

        var id = status.BizOpaqueCallbackData;
        if (id is null)
        {
            id = await records.FindByWamidAsync(status.Id);
        }

        // Not one of ours (sent by another tool on the same number), or expired.
        if (id is null || await records.GetAsync(id) is not { } record)
        {
            return;
        }

        var ids = new List<string> { id };
        if (record.Members is { } members)
        {
            ids.AddRange(members.Split(',', StringSplitOptions.RemoveEmptyEntries).Where(m => m != id));
        }

        var ttl = options.Value.RecordTtl;
        switch (status.Status)
        {
            case DeliveryState.Sent or DeliveryState.Delivered or DeliveryState.Read:
                var state = status.Status switch
                {
                    DeliveryState.Sent => OutboundState.Sent,
                    DeliveryState.Delivered => OutboundState.Delivered,
                    _ => OutboundState.Read,
                };
                var at = status.Timestamp.ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                foreach (var each in ids)
                {
                    await records.AdvanceAsync(each, state, ttl, [(state + "At", at), ("wamid", status.Id)]);
                }

                await redis.GetDatabase().StringSetAsync(OutboundRecordStore.WamidKey(status.Id), id, ttl);
                break;
            case DeliveryState.Failed:
                await HandleFailedAsync(status, record, ids);
                break;
            default:
                // Played, deleted and statuses Meta adds later (Unknown) do not change delivery.
                break;
        }
    }

    private async Task HandleFailedAsync(DeliveryStatus status, OutboundRecord record, List<string> ids)
    {
        // Re-queued already (a repeated webhook) or settled: nothing more to do.
        if (record.State is OutboundState.Queued or OutboundState.Failed or OutboundState.Suppressed or OutboundState.Replaced)
        {
            return;
        }

        var error = status.Errors is [var first, ..] ? first : new WhatsAppError { Message = "failed without an error" };
        var code = error.Code.ToString(CultureInfo.InvariantCulture);
        var reason = $"status failed, error {error.Code}: {error.Title ?? Describe(error)}";
        metrics.Failed(code);

        var messages = new List<OutboundMessage>();
        foreach (var each in ids)
        {
            if (await records.GetAsync(each) is { Payload: { } payload })
            {
                messages.Add(OutboundMessage.Deserialize(payload));
            }
        }

        if (messages.Count == 0)
        {
            return;
        }

        switch (GraphErrorClassifier.Classify(error.Code))
        {
            case SendFailureKind.Retryable when record.Attempts < options.Value.MaxSendAttempts:
                foreach (var message in messages)
                {
                    await queue.RequeueAsync(message, reason);
                    metrics.Retried(code);
                }

                LogRequeued(logger, record.Id, code, record.Attempts);
                break;
            case SendFailureKind.OutsideWindow:
                await failures.ReEngageAsync(messages, reason);
                break;
            default:
                await failures.DeadLetterAsync(messages, code, reason, record.Attempts);
                break;
        }
    }

    /// <summary>The message with Meta's <c>error_data.details</c> after it, which often says more than the message.</summary>
    private static string? Describe(WhatsAppError error) => (error.Message, error.Details) switch
    {
        (_, null) => error.Message,
        (null, { } details) => details,
        ({ } message, { } details) => $"{message} ({details})",
    };

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status entry {EntryId} could not be read and was skipped")]
    private static partial void LogUnreadable(ILogger logger, string? entryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbound {MessageId} failed after acceptance with {Code}; queued again (attempts so far {Attempts})")]
    private static partial void LogRequeued(ILogger logger, string messageId, string code, int attempts);
}
