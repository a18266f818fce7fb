using System.Diagnostics;
using System.Text.Json;
using Assistant.Core.Streams;
using Assistant.Core.Telemetry;
using Assistant.Core.WhatsApp.Outbound;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Assistant.Worker.Sending;

/// <summary>
/// The handler of <c>wa:outbound</c> entries. Per entry: settle it from its <c>out:{id}</c> record
/// if it was handled before, apply opt-out and the 24-hour window to proactive messages, then
/// queue it in its pair lane, where pacing, merging of short texts, the send, retries and the
/// recording of the wamid happen. The handler returns (and the entry is acked) only after the
/// outcome is recorded. See docs/outbound.md for the crash cases.
/// </summary>
public sealed partial class OutboundDispatcher
{
    private readonly IConnectionMultiplexer _redis;
    private readonly IWhatsAppChannel _channel;
    private readonly OutboundRecordStore _records;
    private readonly CustomerServiceWindow _window;
    private readonly ContactPreferences _preferences;
    private readonly OutboundFailureHandler _failures;
    private readonly SendPacer _pacer;
    private readonly SenderMetrics _metrics;
    private readonly IOptions<OutboundOptions> _options;
    private readonly TimeProvider _timeProvider;
    private readonly ILogger<OutboundDispatcher> _logger;
    private readonly PairLanes _lanes;
    private readonly string _owner = $"{Environment.MachineName}-{Environment.ProcessId}-{Guid.NewGuid():N}";

    public OutboundDispatcher(
        IConnectionMultiplexer redis,
        IWhatsAppChannel channel,
        OutboundRecordStore records,
        CustomerServiceWindow window,
        ContactPreferences preferences,
        OutboundFailureHandler failures,
        SendPacer pacer,
        SenderMetrics metrics,
        IOptions<OutboundOptions> options,
        TimeProvider timeProvider,
        ILogger<OutboundDispatcher> logger)
    {
        _redis = redis;
        _channel = channel;
        _records = records;
        _window = window;
        _preferences = preferences;
        _failures = failures;
        _pacer = pacer;
        _metrics = metrics;
        _options = options;
        _timeProvider = timeProvider;
        _logger = logger;
        _lanes = new PairLanes(PumpAsync);
    }

    /// <summary>Test seam: runs after the Graph API answered and before the outcome is recorded (a crash there is the hard case).</summary>
    internal Func<OutboundMessage, CancellationToken, Task>? AfterSendHook { get; set; }

    /// <summary>Test seam: runs after the outcome is recorded and before the entry is acked.</summary>
    internal Func<OutboundMessage, CancellationToken, Task>? AfterRecordHook { get; set; }

    /// <summary>Pair lanes with messages waiting or being sent.</summary>
    public int ActiveLanes => _lanes.LaneCount;

    public async Task HandleAsync(StreamEntry entry, CancellationToken cancellationToken)
    {
        OutboundMessage message;
        try
        {
            message = OutboundMessage.Deserialize(entry.GetString(OutboundQueue.MessageField) ?? throw new JsonException("The entry has no 'message' field."));
        }
        catch (JsonException e)
        {
            await DeadLetterMalformedAsync(entry, e.Message);
            return;
        }

        if (entry.GetTimestamp() is { } queuedAt)
        {
            _metrics.QueueLag(_timeProvider.GetUtcNow() - queuedAt);
        }

        // Before the first await: the slot keeps this message behind earlier ones to the same user.
        var slot = _lanes.Reserve(SendPacer.PairKey(message.PhoneNumberId, message.RecipientKey), cancellationToken);
        SendItem? item;
        try
        {
            item = await PrepareAsync(message, Activity.Current?.Context ?? entry.GetParentContext() ?? default);
        }
        catch
        {
            slot.Submitted.TrySetResult(null);
            throw;
        }

        slot.Submitted.TrySetResult(item);
        if (item is not null)
        {
            await slot.Done.Task.WaitAsync(cancellationToken);
        }
    }

    /// <summary>Null when the entry is settled without a send (already sent, suppressed, refused); throws to defer.</summary>
    private async Task<SendItem?> PrepareAsync(OutboundMessage message, ActivityContext parent)
    {
        var options = _options.Value;
        var record = await _records.GetAsync(message.Id);
        if (record is null)
        {
            // Written to the stream by something other than IOutboundQueue: give it a record now.
            await _records.CreateAsync(message, options.RecordTtl);
            record = await _records.GetAsync(message.Id) ?? throw new InvalidOperationException($"Record of {message.Id} vanished.");
        }

        if (OutboundState.IsFinal(record.State))
        {
            LogAlreadySettled(_logger, message.Id, record.State);
            return null;
        }

        if (record.State == OutboundState.Sending)
        {
            var now = _timeProvider.GetUtcNow();
            var lease = record.LeaseUntil ?? DateTimeOffset.MinValue;
            if (now < lease)
            {
                throw new StreamEntryDeferredException($"{message.Id} is being sent by {record.Owner} until {lease:O}.");
            }

            // The last attempt died between the HTTP call and recording its outcome.
            if (record.MergedInto is { } leaderId && await _records.GetAsync(leaderId) is { } leader && OutboundState.IsAccepted(leader.State))
            {
                await _records.MarkAcceptedAsync([message.Id], leaderId, leader.Wamid, leader.State, options.RecordTtl);
                return null;
            }

            // Meta echoes our id in status webhooks; until the grace ends, a status may still prove it was sent.
            // The sandbox writes its outcome atomically and idempotently: nothing to wait for there.
            if (!_channel.IsSandbox && now < lease + options.UnknownOutcomeGrace)
            {
                throw new StreamEntryDeferredException($"Outcome of {message.Id} unknown; waiting for a status webhook until {lease + options.UnknownOutcomeGrace:O}.");
            }

            LogResendAfterUnknownOutcome(_logger, message.Id, options.UnknownOutcomeGrace);
        }

        if (message.IsProactive && await _preferences.IsOptedOutAsync(message.BusinessId, message.To, message.Recipient))
        {
            await _records.AdvanceAsync(message.Id, OutboundState.Suppressed, options.RecordTtl, ("lastError", "contact opted out"));
            _metrics.Suppressed("opted_out");
            var contact = LogRedaction.Contact(message.RecipientKey);
            LogOptedOut(_logger, message.Id, message.BusinessId, contact);
            return null;
        }

        if (message.IsProactive && message.Kind is not (OutboundKind.Template or OutboundKind.MarkRead)
            && !await _window.IsOpenAsync(message.BusinessId, message.ConversationKey))
        {
            await _failures.ReEngageAsync([message], "proactive free-form message outside the 24-hour customer service window");
            return null;
        }

        try
        {
            OutboundMessagePreparer.Validate(message);
        }
        catch (OutboundValidationException e)
        {
            await _failures.DeadLetterAsync([message], "validation", e.Message, record.Attempts);
            return null;
        }

        return new SendItem(message, record, parent);
    }

    private async Task PumpAsync(PairLanes.Lane lane, CancellationToken cancellationToken)
    {
        while (_lanes.TryPeekHead(lane, out var head))
        {
            try
            {
                var item = await head.Submitted.Task.WaitAsync(cancellationToken);
                if (item is null)
                {
                    _lanes.Remove(lane, head);
                    continue;
                }

                if (item.Message.Kind != OutboundKind.MarkRead)
                {
                    var wait = _pacer.ReservePair(item.Message.PhoneNumberId, item.Message.RecipientKey);
                    if (wait > TimeSpan.Zero)
                    {
                        await Task.Delay(wait, _timeProvider, cancellationToken);
                    }
                }

                // Taken after the pair wait: texts that queued up meanwhile leave as one message.
                var batch = _lanes.TakeBatch(lane, head, item, CanMerge);
                await SendBatchAsync(batch, cancellationToken);
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                head.Done.TrySetCanceled(cancellationToken);
                _lanes.CancelAll(lane);
                return;
            }
            catch (Exception e)
            {
                // A Redis outage or a bug: this entry stays pending and comes back through reclaim.
                _lanes.Remove(lane, head);
                head.Done.TrySetException(e);
            }
        }
    }

    private bool CanMerge(IReadOnlyList<SendItem> batch, SendItem candidate)
    {
        var limit = _options.Value.MergeTextMaxLength;
        var first = batch[0].Message;
        var next = candidate.Message;
        return limit > 0
            && first.Kind == OutboundKind.Text && next.Kind == OutboundKind.Text
            && batch[0].Record.State == OutboundState.Queued && candidate.Record.State == OutboundState.Queued
            && first.Text!.Body.Length <= limit && next.Text!.Body.Length <= limit
            && first.BusinessId == next.BusinessId && first.ConversationKey == next.ConversationKey
            && first.PhoneNumberId == next.PhoneNumberId && first.RecipientKey == next.RecipientKey
            && first.IsProactive == next.IsProactive
            && batch.Sum(i => i.Message.Text!.Body.Length + 2) + next.Text.Body.Length <= OutboundLimits.TextBody;
    }

    private async Task SendBatchAsync(List<(LaneSlot Slot, SendItem Item)> batch, CancellationToken cancellationToken)
    {
        var accepted = new List<(LaneSlot Slot, SendItem Item)>();
        try
        {
            var options = _options.Value;
            var leaseUntil = _timeProvider.GetUtcNow() + options.SendLease;
            string? leaderId = null;
            foreach (var (slot, item) in batch)
            {
                if (await _records.TryBeginSendAsync(item.Message.Id, item.Record, leaseUntil, _owner, leaderId, options.RecordTtl))
                {
                    accepted.Add((slot, item));
                    leaderId ??= item.Message.Id;
                }
                else
                {
                    // Someone else changed the record since it was read: settle from what it says now.
                    var now = await _records.GetAsync(item.Message.Id);
                    if (OutboundState.IsFinal(now?.State))
                    {
                        slot.Done.TrySetResult();
                    }
                    else
                    {
                        slot.Done.TrySetException(new StreamEntryDeferredException($"{item.Message.Id} changed concurrently ({now?.State})."));
                    }
                }
            }

            if (accepted.Count == 0)
            {
                return;
            }

            await SendAcceptedAsync(accepted, cancellationToken);
        }
        catch (Exception e)
        {
            foreach (var (slot, _) in accepted.Count > 0 ? accepted : batch)
            {
                if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
                {
                    slot.Done.TrySetCanceled(cancellationToken);
                }
                else
                {
                    slot.Done.TrySetException(e);
                }
            }

            if (e is OperationCanceledException && cancellationToken.IsCancellationRequested)
            {
                throw;
            }
        }
    }

    private async Task SendAcceptedAsync(List<(LaneSlot Slot, SendItem Item)> accepted, CancellationToken cancellationToken)
    {
        var options = _options.Value;
        var leader = accepted[0].Item;
        var messages = accepted.Select(a => a.Item.Message).ToList();
        var ids = messages.Select(m => m.Id).ToList();
        var message = messages.Count == 1 ? leader.Message : Merge(messages);
        if (messages.Count > 1)
        {
            _metrics.Merged(messages.Count - 1);
        }

        var attempt = leader.Record.Attempts + 1;
        while (true)
        {
            var wait = _pacer.ReserveNumber(message.PhoneNumberId);
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, _timeProvider, cancellationToken);
            }

            GraphSendResult result;
            using (var activity = StartSendActivity(message, leader.Parent, accepted, attempt))
            {
                try
                {
                    result = await _channel.SendAsync(message, cancellationToken);
                }
                catch (OutboundValidationException e)
                {
                    await _failures.DeadLetterAsync(messages, "validation", e.Message, attempt);
                    Complete(accepted);
                    return;
                }

                _metrics.SendDuration(result.Elapsed);
                activity?.SetTag("http.response.status_code", result.HttpStatus);
                if (!result.IsSuccess)
                {
                    activity?.SetStatus(ActivityStatusCode.Error, result.FailureCode);
                }
            }

            if (AfterSendHook is { } afterSend)
            {
                await afterSend(message, cancellationToken);
            }

            if (result.IsSuccess)
            {
                await _records.MarkAcceptedAsync(ids, message.Id, result.MessageId,
                    _channel.IsSandbox ? OutboundState.Delivered : OutboundState.Sent, options.RecordTtl);
                _metrics.Sent(message.PhoneNumberId, ids.Count);
                if (AfterRecordHook is { } afterRecord)
                {
                    await afterRecord(message, cancellationToken);
                }

                Complete(accepted);
                return;
            }

            var code = result.FailureCode;
            _metrics.Failed(code);
            var kind = GraphErrorClassifier.Classify(result);
            if (kind == SendFailureKind.Retryable && attempt < options.MaxSendAttempts)
            {
                var delay = RetryBackoff.Delay(attempt, options.RetryBaseDelay, options.RetryMaxDelay);
                if (result.Error?.Code == 131056)
                {
                    delay = delay > options.PairInterval ? delay : options.PairInterval;
                    _pacer.PenalizePair(message.PhoneNumberId, message.RecipientKey, delay);
                }
                else if (result.Error?.Code == 130429)
                {
                    _pacer.PenalizeNumber(message.PhoneNumberId, delay);
                }

                _metrics.Retried(code);
                LogRetrying(_logger, message.Id, LogRedaction.Contact(message.RecipientKey), code, attempt, options.MaxSendAttempts, delay);
                await Task.Delay(delay, _timeProvider, cancellationToken);

                // After a timeout Meta may have sent it after all; a status webhook would say so.
                var current = await _records.GetAsync(message.Id);
                if (OutboundState.IsAccepted(current?.State))
                {
                    await _records.MarkAcceptedAsync(ids, message.Id, current!.Wamid, current.State, options.RecordTtl);
                    Complete(accepted);
                    return;
                }

                attempt++;
                var leaseUntil = _timeProvider.GetUtcNow() + options.SendLease;
                foreach (var id in ids)
                {
                    await _records.ExtendLeaseAsync(id, leaseUntil, attempt);
                }

                continue;
            }

            var reason = Describe(result);
            switch (kind)
            {
                case SendFailureKind.OutsideWindow:
                    await _failures.ReEngageAsync(messages, "131047: more than 24 hours since the customer's last message");
                    break;
                case SendFailureKind.Retryable:
                    await _failures.DeadLetterAsync(messages, code, $"retries exhausted after {attempt} attempts: {reason}", attempt);
                    break;
                default:
                    await _failures.DeadLetterAsync(messages, code, reason, attempt);
                    break;
            }

            Complete(accepted);
            return;
        }
    }

    private static OutboundMessage Merge(IReadOnlyList<OutboundMessage> messages) => messages[0] with
    {
        Text = new OutboundText(
            string.Join("\n\n", messages.Select(m => m.Text!.Body)),
            messages.Any(m => m.Text!.PreviewUrl)),
    };

    private static Activity? StartSendActivity(OutboundMessage message, ActivityContext parent, List<(LaneSlot Slot, SendItem Item)> batch, int attempt)
    {
        var links = batch.Skip(1).Where(b => b.Item.Parent != default).Select(b => new ActivityLink(b.Item.Parent));
        var activity = AssistantTelemetry.Sender.StartActivity("whatsapp send", ActivityKind.Client, parent, links: links);
        activity?.SetTag("assistant.outbound.id", message.Id);
        activity?.SetTag("assistant.outbound.kind", message.Kind.ToString());
        activity?.SetTag("assistant.outbound.attempt", attempt);
        activity?.SetTag("assistant.outbound.merged", batch.Count);
        activity?.SetTag("whatsapp.phone_number_id", message.PhoneNumberId);
        activity?.SetTag("assistant.business.id", message.BusinessId);
        return activity;
    }

    private static void Complete(List<(LaneSlot Slot, SendItem Item)> accepted)
    {
        foreach (var (slot, _) in accepted)
        {
            slot.Done.TrySetResult();
        }
    }

    private static string Describe(GraphSendResult result)
    {
        if (result.Error is { } error)
        {
            var details = error.Details is null ? "" : $" ({error.Details})";
            var subcode = error.Subcode is null ? "" : $" subcode {error.Subcode}";
            return $"HTTP {result.HttpStatus}, error {error.Code}{subcode}: {error.Message}{details}";
        }

        return result.Transport != GraphTransportFailure.None ? $"no answer ({result.FailureCode})" : $"HTTP {result.HttpStatus} without an error body";
    }

    private async Task DeadLetterMalformedAsync(StreamEntry entry, string reason)
    {
        var fields = entry.Values
            .Append(new NameValueEntry("code", "malformed"))
            .Append(new NameValueEntry("reason", reason))
            .ToArray();
        await _redis.GetDatabase().StreamAddAsync(StreamNames.OutboundDeadLetter, fields);
        _metrics.DeadLettered("malformed");
        var entryId = (string?)entry.Id;
        LogMalformed(_logger, entryId, reason);
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Outbound {MessageId} already {State}: acked without sending")]
    private static partial void LogAlreadySettled(ILogger logger, string messageId, string state);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbound {MessageId}: no status webhook within {Grace} after an interrupted send; sending again (a duplicate is possible if Meta accepted the first try)")]
    private static partial void LogResendAfterUnknownOutcome(ILogger logger, string messageId, TimeSpan grace);

    [LoggerMessage(Level = LogLevel.Information, Message = "Proactive outbound {MessageId} (business {BusinessId}, to {Contact}) not sent: the contact opted out")]
    private static partial void LogOptedOut(ILogger logger, string messageId, string businessId, string contact);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbound {MessageId} to {Contact} failed with {Code} (attempt {Attempt} of {MaxAttempts}); retrying in {Delay}")]
    private static partial void LogRetrying(ILogger logger, string messageId, string contact, string code, int attempt, int maxAttempts, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbound entry {EntryId} is not a valid message and was dead-lettered: {Reason}")]
    private static partial void LogMalformed(ILogger logger, string? entryId, string reason);
}
