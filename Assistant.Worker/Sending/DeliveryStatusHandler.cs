using System.Globalization;
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

        var id = status.CallbackData;
        if (id is null && status.Wamid is not null)
        {
            id = await records.FindByWamidAsync(status.Wamid);
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
            case OutboundState.Sent or OutboundState.Delivered or OutboundState.Read:
                var at = (status.Timestamp ?? DateTimeOffset.UtcNow).ToUnixTimeMilliseconds().ToString(CultureInfo.InvariantCulture);
                foreach (var each in ids)
                {
                    var fields = status.Wamid is null
                        ? new[] { (status.Status + "At", at) }
                        : [(status.Status + "At", at), ("wamid", status.Wamid)];
                    await records.AdvanceAsync(each, status.Status, ttl, fields);
                }

                if (status.Wamid is not null)
                {
                    await redis.GetDatabase().StringSetAsync(OutboundRecordStore.WamidKey(status.Wamid), id, ttl);
                }

                break;
            case "failed":
                await HandleFailedAsync(status, record, ids);
                break;
            default:
                // "deleted", "warning" and future statuses do not change delivery.
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

        var error = status.Errors.Count > 0 ? status.Errors[0] : new DeliveryStatusError(0, null, "failed without an error");
        var code = error.Code.ToString(CultureInfo.InvariantCulture);
        var reason = $"status failed, error {error.Code}: {error.Title ?? error.Message}";
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Status entry {EntryId} could not be read and was skipped")]
    private static partial void LogUnreadable(ILogger logger, string? entryId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbound {MessageId} failed after acceptance with {Code}; queued again (attempts so far {Attempts})")]
    private static partial void LogRequeued(ILogger logger, string messageId, string code, int attempts);
}
