using System.Globalization;
using Assistant.Core.Businesses;
using Assistant.Core.Streams;
using Assistant.Core.WhatsApp.Outbound;
using Microsoft.Extensions.Options;
using StackExchange.Redis;

namespace Assistant.Worker.Sending;

/// <summary>
/// What happens to a message that will not be delivered as it is: dead-letter with the reason, or
/// (closed 24-hour window) the business's re-engagement template in its place, or a person.
/// Shared by the send path and the status path, which learn of failures at different times.
/// </summary>
public sealed partial class OutboundFailureHandler(
    IConnectionMultiplexer redis,
    BusinessDirectory directory,
    OutboundRecordStore records,
    IOutboundQueue queue,
    HandoffRequestPublisher handoff,
    SenderMetrics metrics,
    IOptions<OutboundOptions> options,
    TimeProvider timeProvider,
    ILogger<OutboundFailureHandler> logger)
{
    public const string ReEngagementSuffix = ".reengage";

    /// <summary>The hand-off reason when a reply cannot go out because the 24-hour window closed and no template can reopen it.</summary>
    public const string OutsideWindowReason = "outside_window";

    /// <summary>The hand-off reason when the sender gave up on a reply after failing at every delivery.</summary>
    public const string DeliveryFailedReason = "delivery_failed";

    /// <summary>The <c>error.code</c> of <c>assistant.sender.dead_lettered</c> for an entry the sender itself failed on.</summary>
    public const string GaveUpCode = "gave_up";

    /// <summary>Copies the messages to <see cref="StreamNames.OutboundDeadLetter"/> with the reason, marks them failed, counts and logs once.</summary>
    public async Task DeadLetterAsync(IReadOnlyList<OutboundMessage> messages, string code, string reason, int attempts)
    {
        var advice = GraphErrorClassifier.Advice(code);
        var database = redis.GetDatabase();
        var now = timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        foreach (var message in messages)
        {
            await database.StreamAddAsync(StreamNames.OutboundDeadLetter,
            [
                new("id", message.Id),
                new("businessId", message.BusinessId),
                new("conversationKey", message.ConversationKey),
                new("phoneNumberId", message.PhoneNumberId),
                new("kind", message.Kind.ToString()),
                new("code", code),
                new("reason", reason),
                new("advice", advice),
                new("attempts", attempts.ToString(CultureInfo.InvariantCulture)),
                new("failedAt", now),
                new("message", message.Serialize()),
            ]);
            await records.AdvanceAsync(message.Id, OutboundState.Failed, options.Value.RecordTtl, ("lastError", $"{code}: {reason}"), ("failedAt", now));
        }

        metrics.DeadLettered(code, messages.Count);
        var first = messages[0];
        LogDeadLettered(logger, messages.Count, first.Id, first.BusinessId, LogRedaction.Contact(first.RecipientKey), code, reason, attempts, advice);
    }

    /// <summary>
    /// The window is closed (131047, or a proactive message after 24 hours): queue the business's
    /// re-engagement template instead, once (its <c>business.json</c> <c>reEngagementTemplate</c>, else
    /// <c>Outbound:ReEngagementTemplates</c>). Without one, a reply goes to a person (hand-off request)
    /// and a proactive message is simply not sent.
    /// </summary>
    public async Task ReEngageAsync(IReadOnlyList<OutboundMessage> messages, string reason)
    {
        var first = messages[0];
        var ttl = options.Value.RecordTtl;

        // A template cannot be answered by another template: that would loop.
        var found = first.Kind == OutboundKind.Template ? null : await FindTemplateAsync(first.BusinessId);
        if (found is (var template, var source))
        {
            var replacement = new OutboundMessage
            {
                Id = first.Id + ReEngagementSuffix,
                BusinessId = first.BusinessId,
                PhoneNumberId = first.PhoneNumberId,
                ConversationKey = first.ConversationKey,
                To = first.To,
                Recipient = first.Recipient,
                Kind = OutboundKind.Template,
                Template = new OutboundTemplate(template.Name, template.Language, template.BodyParameters.Select(p => new TemplateParameter(p)).ToList()),
                CreatedAt = timeProvider.GetUtcNow(),
                IsProactive = true,
            };
            await queue.EnqueueAsync(replacement);
            foreach (var message in messages)
            {
                await records.AdvanceAsync(message.Id, OutboundState.Replaced, ttl, ("lastError", reason), ("replacedBy", replacement.Id));
            }

            LogReEngaged(logger, first.Id, first.BusinessId, LogRedaction.Contact(first.RecipientKey), template.Name, source, reason);
            return;
        }

        if (messages.All(m => m.IsProactive))
        {
            foreach (var message in messages)
            {
                await records.AdvanceAsync(message.Id, OutboundState.Suppressed, ttl, ("lastError", reason + "; no re-engagement template configured"));
            }

            metrics.Suppressed("window_closed");
            LogSuppressed(logger, first.Id, first.BusinessId, LogRedaction.Contact(first.RecipientKey), reason);
            return;
        }

        await handoff.PublishAsync(new HandoffRequest(first.BusinessId, first.ConversationKey, OutsideWindowReason, first.Id, "outbound",
            $"Reply could not be delivered: {reason}. No re-engagement template is configured; a person should contact the customer."));
        foreach (var message in messages)
        {
            await records.AdvanceAsync(message.Id, OutboundState.Failed, ttl, ("lastError", reason + "; handed to a person"));
        }

        metrics.DeadLettered(GraphErrorClassifier.ReEngagementRequired.ToString(CultureInfo.InvariantCulture), messages.Count);
        LogHandedOff(logger, first.Id, first.BusinessId, LogRedaction.Contact(first.RecipientKey), reason);
    }

    /// <summary>
    /// The sender failed on the entry at every delivery (not a refusal by Meta: those are dealt with
    /// on the way) and it is about to be dead-lettered. Unless it was sent after all, its record is
    /// marked failed and, for a message a customer was waiting for, a person is asked to follow up.
    /// </summary>
    public async Task GiveUpAsync(StreamEntry entry, string error, CancellationToken cancellationToken)
    {
        if (entry.GetString(OutboundQueue.MessageField) is not { } json)
        {
            return;
        }

        var message = OutboundMessage.Deserialize(json);
        var record = await records.GetAsync(message.Id);
        if (OutboundState.IsFinal(record?.State))
        {
            return;
        }

        await records.AdvanceAsync(message.Id, OutboundState.Failed, options.Value.RecordTtl,
            ("lastError", "the sender gave up: " + error), ("failedAt", timeProvider.GetUtcNow().ToString("O", CultureInfo.InvariantCulture)));
        metrics.DeadLettered(GaveUpCode);
        if (message.Kind != OutboundKind.MarkRead && !message.IsProactive)
        {
            await handoff.PublishAsync(new HandoffRequest(message.BusinessId, message.ConversationKey, DeliveryFailedReason, message.Id, "outbound",
                $"The sender gave up on a reply after every attempt failed: {error}"));
        }
    }

    /// <summary>
    /// The business's own template first: it is approved on the business's WhatsApp account and the
    /// owner sets it with the rest of the business. The operator's configuration, for this business
    /// then for every business (<c>*</c>), remains the fallback.
    /// </summary>
    private async Task<(ReEngagementTemplate Template, string Source)?> FindTemplateAsync(string businessId)
    {
        var profile = await directory.GetAsync(businessId);
        if (profile?.ReEngagementTemplate is { } own)
        {
            return (own, "business.json reEngagementTemplate");
        }

        var templates = options.Value.ReEngagementTemplates;
        foreach (var key in (string[])[businessId, "*"])
        {
            if (templates.GetValueOrDefault(key) is { } configured)
            {
                var template = new ReEngagementTemplate { Name = configured.Name, Language = configured.Language, BodyParameters = configured.BodyParameters };
                return (template, "Outbound:ReEngagementTemplates:" + key);
            }
        }

        return null;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Outbound dead-lettered: {Count} message(s) from {MessageId} (business {BusinessId}, to {Contact}), code {Code}: {Reason} after {Attempts} attempt(s). Action: {Advice}")]
    private static partial void LogDeadLettered(ILogger logger, int count, string messageId, string businessId, string contact, string code, string reason, int attempts, string advice);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbound {MessageId} (business {BusinessId}, to {Contact}) replaced by re-engagement template {Template} (from {TemplateSource}): {Reason}")]
    private static partial void LogReEngaged(ILogger logger, string messageId, string businessId, string contact, string template, string templateSource, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Proactive outbound {MessageId} (business {BusinessId}, to {Contact}) not sent: {Reason}, and no re-engagement template is configured (reEngagementTemplate in the business's business.json, or Outbound:ReEngagementTemplates)")]
    private static partial void LogSuppressed(ILogger logger, string messageId, string businessId, string contact, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbound {MessageId} (business {BusinessId}, to {Contact}) handed to a person: {Reason}. Set reEngagementTemplate in the business's business.json (or Outbound:ReEngagementTemplates) to re-engage automatically")]
    private static partial void LogHandedOff(ILogger logger, string messageId, string businessId, string contact, string reason);
}
