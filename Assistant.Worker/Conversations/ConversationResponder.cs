using Assistant.Core.Conversations;
using Assistant.Core.Llm;
using Assistant.Core.Replies;
using Assistant.Core.Telemetry;
using Assistant.Core.WhatsApp.Inbound;
using Assistant.Core.WhatsApp.Outbound;
using Assistant.Worker.Inbound;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Assistant.Worker.Conversations;

/// <summary>
/// Answers one customer turn: records it, keeps the bot silent where a person is in charge,
/// decides the route, queues the reply (or the hand-off, or the draft for review) and refreshes
/// the conversation's memory. Every write is keyed on the turn's first entry, so a turn handled
/// again after a crash sends nothing twice.
/// </summary>
public sealed partial class ConversationResponder(
    BusinessContextProvider businesses,
    ConversationStore conversations,
    IntentRouter router,
    ConversationControl control,
    DraftStore drafts,
    IOutboundQueue outbound,
    CustomerServiceWindow window,
    ContactPreferences preferences,
    AssistantEventPublisher events,
    ConversationSummarizer summarizer,
    WorkerMetrics metrics,
    IOptions<InboundOptions> options,
    TimeProvider time,
    ILogger<ConversationResponder> logger)
{
    /// <summary>The hand-off reason when the worker gave up on a message.</summary>
    public const string ProcessingFailedReason = "processing_failed";

    public async Task RespondAsync(string turnId, CustomerTurn turn, CancellationToken cancellationToken)
    {
        var first = turn.Messages[0];
        using var activity = AssistantTelemetry.Worker.StartActivity("worker.turn");
        activity?.SetTag("business.id", first.BusinessId);
        activity?.SetTag("turn.messages", turn.Messages.Count);

        var business = await businesses.GetAsync(first.BusinessId);
        if (business is null)
        {
            LogUnknownBusiness(logger, first.BusinessId);
            return;
        }

        var contact = ContactInfo.From(turn.Last.Contact);
        var conversation = await conversations.GetOrCreateAsync(business.Profile.Id, first.ConversationKey, contact);
        await RecordCustomerLinesAsync(conversation, turn);

        if (turn.Messages.All(m => m.IsEcho))
        {
            // The business answered from its own phone: a person is in the conversation, the bot steps back.
            await control.PauseForBusinessPhoneAsync(turn.Last);
            return;
        }

        var lastInbound = turn.Messages.Where(m => !m.IsEcho).Max(m => m.Timestamp);
        await window.RecordInboundAsync(business.Profile.Id, conversation.Key, lastInbound);
        ConversationRecord Touched(ConversationRecord c) => c with
        {
            LastInboundAt = lastInbound,
            LastActivityAt = time.GetUtcNow(),
            TurnsSinceSummary = c.TurnsSinceSummary + turn.Messages.Count,
        };

        // A turn written while a person had the conversation (it may be handled just after the
        // release, once the debounce is over) was meant for the person: the bot does not answer it.
        var meantForPerson = conversation.ReleasedAt is { } released && turn.Last.ReceivedAt < released;
        if (conversation.State == ConversationState.Human || meantForPerson)
        {
            await conversations.UpdateAsync(conversation.Key, Touched);
            metrics.TurnHandled(Routes.Silent, "human");
            await events.PublishAsync(new AssistantEvent(AssistantEvent.MessageReceived, business.Profile.Id, conversation.Key, turn.Last.Id, time.GetUtcNow()));
            return;
        }

        var key = conversation.Key;
        var decision = await router.DecideAsync(business, conversation, turn, () => HistoryAsync(key), cancellationToken);
        activity?.SetTag("turn.route", decision.Route);
        activity?.SetTag("turn.intent", decision.Intent);

        // One write for the turn: a read-modify-write transaction costs seven Redis commands.
        conversation = await conversations.UpdateAsync(conversation.Key, c => Touched(c) with
        {
            LastIntent = decision.Intent ?? c.LastIntent,
            LastConfidence = decision.Confidence ?? c.LastConfidence,
            Language = decision.Language,
        }) ?? conversation;

        if (decision.OptOut)
        {
            await preferences.MarkOptedOutAsync(business.Profile.Id, conversation.Contact.StableId);
        }

        if (decision.Reply is { Length: > 0 } reply)
        {
            await SendAsync(business, conversation, turn, turnId, reply, decision, cancellationToken);
        }

        if (decision.Draft is { } draft)
        {
            await QueueDraftAsync(business, conversation, turn, turnId, decision, draft);
        }

        if (decision.HandoffReason is { } reason)
        {
            // One hand-off per turn, even when the turn is handled again after a crash.
            await control.HandOffAsync(conversation.Key, reason, decision.Intent, decision.Confidence, handoffId: "handoff." + turnId);
        }

        metrics.TurnHandled(decision.Route, decision.Intent ?? "none");
        await RefreshSummaryAsync(conversation, cancellationToken);
    }

    /// <summary>
    /// The last resort for a message the worker failed on at every attempt (it is about to be
    /// dead-lettered): the customer hears that a person will answer and the conversation goes to a
    /// person, so nobody waits for a reply that never comes. Only the conversation store and a
    /// template are used, nothing that classifies or retrieves. The reply and the hand-off carry
    /// the turn's own ids: if the failed turn had already queued its answer, nothing goes twice.
    /// </summary>
    public async Task HandOverAfterFailureAsync(string turnId, InboundMessage message, CancellationToken cancellationToken)
    {
        var business = await businesses.GetAsync(message.BusinessId);
        if (business is null || message.IsEcho)
        {
            return;
        }

        var turn = new CustomerTurn([message]);
        var contact = ContactInfo.From(message.Contact);
        var conversation = await conversations.GetOrCreateAsync(business.Profile.Id, message.ConversationKey, contact);
        await RecordCustomerLinesAsync(conversation, turn);
        if (conversation.State == ConversationState.Human)
        {
            // A person has the conversation already and sees the message in the thread.
            await events.PublishAsync(new AssistantEvent(AssistantEvent.MessageReceived, business.Profile.Id, conversation.Key, message.Id, time.GetUtcNow()));
            return;
        }

        var profile = business.Profile;
        var language = ReplyTemplates.ResolveLanguage(conversation.Language, profile);
        var reply = ReplyTemplates.Render(ReplyKeys.HandoffGeneric, language, profile.Tone, profile, business.Responses);
        var decision = new TurnDecision { Route = Routes.Handoff, Reply = reply, Language = language, HandoffReason = ProcessingFailedReason };
        await SendAsync(business, conversation, turn, turnId, reply, decision, cancellationToken);
        await control.HandOffAsync(conversation.Key, ProcessingFailedReason, handoffId: "handoff." + turnId);
        metrics.TurnHandled(Routes.Handoff, ProcessingFailedReason);
    }

    private async Task RecordCustomerLinesAsync(ConversationRecord conversation, CustomerTurn turn)
    {
        foreach (var message in turn.Messages)
        {
            await conversations.AppendOnceAsync(new ConversationMessage
            {
                Id = "in." + message.Id,
                ConversationKey = conversation.Key,
                Author = message.IsEcho ? MessageAuthor.BusinessPhone : MessageAuthor.Customer,
                Text = CustomerTurn.Describe(message),
                Type = message.RawType ?? message.Type.ToString().ToLowerInvariant(),
                Wamid = message.Id,
                At = message.Timestamp == default ? message.ReceivedAt : message.Timestamp,
                ReceivedAt = message.ReceivedAt,
            }, conversation.BusinessId);
        }
    }

    private async Task SendAsync(BusinessContext business, ConversationRecord conversation, CustomerTurn turn, string turnId, string reply, TurnDecision decision, CancellationToken cancellationToken)
    {
        var contact = turn.Last.Contact;
        var message = OutboundMessage.TextReply(
            business.Profile.Id, business.Profile.PhoneNumberId, conversation.Key, contact.WaId, contact.WaId is null ? contact.UserId : null,
            reply, inReplyTo: turn.Messages.Count > 1 ? null : turn.Last.Id, createdAt: time.GetUtcNow()) with
        {
            // The id is the turn's: queuing it again after a crash is a no-op at the outbound queue.
            Id = "reply." + turnId,
        };
        await outbound.EnqueueAsync(message, cancellationToken);
        await conversations.AppendOnceAsync(new ConversationMessage
        {
            Id = "out." + message.Id,
            ConversationKey = conversation.Key,
            Author = MessageAuthor.Bot,
            Text = reply,
            At = time.GetUtcNow(),
            OutboundId = message.Id,
            Intent = decision.Intent,
            Confidence = decision.Confidence,
            Route = decision.Route,
            Sources = decision.Sources,
            Provider = decision.Provider,
            ReceivedAt = turn.Last.ReceivedAt,
        }, conversation.BusinessId);
    }

    private async Task QueueDraftAsync(BusinessContext business, ConversationRecord conversation, CustomerTurn turn, string turnId, TurnDecision decision, Core.Knowledge.Answering.KnowledgeAnswer draft)
    {
        var record = new DraftRecord
        {
            Id = "draft." + turnId,
            BusinessId = business.Profile.Id,
            ConversationKey = conversation.Key,
            Question = turn.Text,
            Text = draft.Text,
            Confidence = decision.Confidence ?? draft.Confidence,
            Intent = decision.Intent,
            Language = decision.Language,
            Provider = draft.Provider,
            Passages = draft.Sources.Select(s => new DraftPassage($"{s.FileName}#{s.Section}", s.Section)).ToList(),
            CreatedAt = time.GetUtcNow(),
        };
        if (await drafts.GetAsync(record.Id) is null)
        {
            await drafts.SaveAsync(record);
            await events.PublishAsync(new AssistantEvent(AssistantEvent.DraftCreated, business.Profile.Id, conversation.Key, record.Id, record.CreatedAt));
        }
    }

    private async Task<IReadOnlyList<ChatMessage>> HistoryAsync(string conversationKey)
    {
        var lines = await conversations.GetMessagesAsync(conversationKey, options.Value.RecentTurns);
        return lines
            .Where(l => l.Author is MessageAuthor.Customer or MessageAuthor.Bot or MessageAuthor.Agent)
            .Select(l => new ChatMessage(l.Author == MessageAuthor.Customer ? ChatRole.User : ChatRole.Assistant, l.Text))
            .ToList();
    }

    private async Task RefreshSummaryAsync(ConversationRecord conversation, CancellationToken cancellationToken)
    {
        if (!ConversationSummarizer.ShouldRefresh(conversation.TurnsSinceSummary))
        {
            return;
        }
        var lines = await conversations.GetMessagesAsync(conversation.Key, conversation.TurnsSinceSummary + 2);
        var summary = await summarizer.SummarizeAsync(new ConversationSummaryRequest
        {
            PreviousSummary = conversation.Summary,
            Language = conversation.Language ?? "it",
            NewTurns = lines
                .Where(l => l.Author is not MessageAuthor.Note)
                .Select(l => new ConversationTurn(l.Author == MessageAuthor.Customer ? ConversationRole.Customer : ConversationRole.Assistant, l.Text))
                .ToList(),
        }, cancellationToken);
        await conversations.UpdateAsync(conversation.Key, c => c with { Summary = summary, TurnsSinceSummary = 0 });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Message for unknown business {BusinessId} dropped")]
    private static partial void LogUnknownBusiness(ILogger logger, string businessId);
}
