using Assistant.Core.Intents;
using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Inbound;
using Assistant.Core.WhatsApp.Outbound;
using Assistant.Worker.Conversations;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Assistant.Worker.Inbound;

/// <summary>
/// Takes customer messages off <c>wa:inbound</c> (consumer group <c>worker</c>, one consumer per
/// replica). Each entry shows "typing..." at once, waits for its conversation's turn, gathers
/// the messages the customer is still splitting (debounce), and is acknowledged only after its
/// reply, draft or hand-off is durably queued.
/// </summary>
public sealed class InboundConsumerService : RedisStreamConsumerService
{
    public const string GroupName = "worker";

    private readonly IConnectionMultiplexer _redis;
    private readonly ConversationTurnGate _gate;
    private readonly ConversationResponder _responder;
    private readonly IOutboundQueue _outbound;
    private readonly WorkerMetrics _metrics;
    private readonly InboundOptions _options;
    private readonly TimeProvider _time;

    public InboundConsumerService(
        IConnectionMultiplexer redis,
        ConversationTurnGate gate,
        ConversationResponder responder,
        IOutboundQueue outbound,
        WorkerMetrics metrics,
        IOptions<InboundOptions> options,
        TimeProvider time,
        ILogger<InboundConsumerService> logger)
        : base(redis, ConsumerOptions(options.Value), logger, time)
    {
        _redis = redis;
        _gate = gate;
        _responder = responder;
        _outbound = outbound;
        _metrics = metrics;
        _options = options.Value;
        _time = time;
    }

    private static StreamConsumerOptions ConsumerOptions(InboundOptions options) => new()
    {
        StreamName = StreamNames.Inbound,
        GroupName = GroupName,
        DeadLetterStreamName = StreamNames.InboundDeadLetter,
        MaxInFlight = options.MaxInFlight,
        BatchSize = Math.Min(100, options.MaxInFlight),
        ClaimIdleTime = options.ClaimIdleTime,
        MaxAttempts = options.MaxAttempts,
    };

    protected override async Task HandleAsync(StreamEntry entry, CancellationToken cancellationToken)
    {
        if (!TryReadMessage(entry, out var conversation, out var message))
        {
            return;
        }

        var entryId = (string)entry.Id!;
        if (!message.IsEcho && message.Type != InboundMessageType.Reaction)
        {
            await ShowTypingAsync(message, cancellationToken);
        }

        if (!await _gate.WaitForTurnAsync(conversation, entryId, cancellationToken))
        {
            return;
        }

        var turnIds = await GatherTurnAsync(conversation, entryId, message, cancellationToken);
        var messages = await ReadMessagesAsync(turnIds);
        if (messages.Count > 0)
        {
            await _responder.RespondAsync(entryId, new CustomerTurn(messages), cancellationToken);
            _metrics.TurnLatency(_time.GetUtcNow() - messages[^1].ReceivedAt);
            _metrics.Debounced(messages.Count - 1);
        }
        await _gate.CompleteAsync(conversation, turnIds);
    }

    /// <summary>
    /// The message failed at every attempt: before it goes to <c>wa:inbound:dead</c>, a person is
    /// put in charge and the customer told so, and the conversation's later messages stop waiting
    /// behind it.
    /// </summary>
    protected override async Task OnDeadLetterAsync(StreamEntry entry, string error, CancellationToken cancellationToken)
    {
        if (!TryReadMessage(entry, out var conversation, out var message))
        {
            return;
        }

        var entryId = (string)entry.Id!;
        await _responder.HandOverAfterFailureAsync(entryId, message, cancellationToken);
        await _gate.CompleteAsync(conversation, [entryId]);
    }

    /// <summary>A message or echo of a conversation (other kinds are not the worker's); false for anything else.</summary>
    private static bool TryReadMessage(StreamEntry entry, out string conversation, out InboundMessage message)
    {
        conversation = (string?)entry[InboundStreamFields.Conversation] ?? string.Empty;
        message = null!;
        if ((string?)entry[InboundStreamFields.Kind] is not (InboundStreamFields.KindMessage or InboundStreamFields.KindEcho) || conversation.Length == 0)
        {
            return false;
        }

        message = InboundMessage.Deserialize((string)entry[InboundStreamFields.Event]!);
        return true;
    }

    /// <summary>
    /// The ids answered together with <paramref name="entryId"/>: itself, plus what the customer
    /// sends while a not-yet-complete message waits (at most <see cref="InboundOptions.MaxDebounce"/>).
    /// </summary>
    private async Task<IReadOnlyList<string>> GatherTurnAsync(string conversation, string entryId, InboundMessage first, CancellationToken cancellationToken)
    {
        if (_options.DebounceWindow <= TimeSpan.Zero || first.IsEcho || IsComplete(first))
        {
            return [entryId];
        }

        var started = _time.GetUtcNow();
        var lastArrival = started;
        var seen = 1;
        while (true)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(50), _time, cancellationToken);
            var pending = await _gate.PendingAsync(conversation);
            var ids = pending.SkipWhile(id => id != entryId).ToList();
            var now = _time.GetUtcNow();
            if (ids.Count > seen)
            {
                seen = ids.Count;
                lastArrival = now;
                var latest = await ReadMessagesAsync([ids[^1]]);
                if (latest.Count == 1 && (latest[0].IsEcho || IsComplete(latest[0])))
                {
                    return ids;
                }
            }
            if (now - lastArrival >= _options.DebounceWindow || now - started >= _options.MaxDebounce)
            {
                return ids.Count > 0 ? ids : [entryId];
            }
        }
    }

    private static bool IsComplete(InboundMessage message) =>
        CustomerTurn.TextOf(message) is not { Length: > 0 } text || MessageCompleteness.IsClearlyComplete(text);

    private async Task<IReadOnlyList<InboundMessage>> ReadMessagesAsync(IReadOnlyList<string> ids)
    {
        var db = _redis.GetDatabase();
        var reads = ids.Select(id => db.StreamRangeAsync(StreamNames.Inbound, id, id, 1)).ToList();
        var messages = new List<InboundMessage>(ids.Count);
        foreach (var read in reads)
        {
            var entries = await read;
            if (entries.Length == 1 && (string?)entries[0][InboundStreamFields.Event] is { } json)
            {
                messages.Add(InboundMessage.Deserialize(json));
            }
        }
        return messages;
    }

    /// <summary>Mark-as-read with the typing indicator, once per message (the id makes a redelivery a no-op).</summary>
    private Task ShowTypingAsync(InboundMessage message, CancellationToken cancellationToken) =>
        _outbound.EnqueueAsync(new OutboundMessage
        {
            Id = "read." + message.Id,
            BusinessId = message.BusinessId,
            PhoneNumberId = message.PhoneNumberId,
            ConversationKey = message.ConversationKey,
            To = message.Contact.WaId,
            Recipient = message.Contact.WaId is null ? message.Contact.UserId : null,
            Kind = OutboundKind.MarkRead,
            MarkRead = new OutboundMarkRead(message.Id),
            CreatedAt = _time.GetUtcNow(),
        }, cancellationToken);
}
