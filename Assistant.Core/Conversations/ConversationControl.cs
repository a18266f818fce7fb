using Assistant.Core.Businesses;
using Assistant.Core.WhatsApp.Inbound;
using Assistant.Core.WhatsApp.Outbound;

namespace Assistant.Core.Conversations;

/// <summary>
/// Who answers a conversation, changed the same way by the worker and the admin: hand-off to a
/// person, take-over by an agent, the business writing from its own phone (an echo), release back
/// to the bot, and an agent's replies and notes. The state changes first and at once, because the
/// worker reads it before every answer; the customer sees one thread, whoever writes.
/// </summary>
public sealed class ConversationControl(
    ConversationStore conversations,
    HandoffStore handoffs,
    AssistantEventPublisher events,
    IOutboundQueue outbound,
    BusinessDirectory businesses,
    TimeProvider time)
{
    /// <summary>The agent name used for lines and state set by a message from the business's own WhatsApp phone.</summary>
    public const string BusinessPhoneAgent = "business_phone";

    public const string HandoffOpen = "open";
    public const string HandoffTaken = "taken";
    public const string HandoffReleased = "released";

    /// <summary>
    /// Puts the conversation in a person's hands and opens a hand-off record (id <paramref name="handoffId"/>
    /// when the caller needs idempotency, e.g. one record per stream entry). Null when the conversation does not exist.
    /// </summary>
    public async Task<HandoffRecord?> HandOffAsync(string conversationKey, string reason, string? intent = null, double? confidence = null, string? handoffId = null)
    {
        if (handoffId is not null && await handoffs.GetAsync(handoffId) is { } existing)
        {
            return existing;
        }
        var now = time.GetUtcNow();
        var updated = await conversations.UpdateAsync(conversationKey, c => c with
        {
            State = ConversationState.Human,
            WaitingForHuman = true,
            HandoffReason = reason,
            HumanSince = c.State == ConversationState.Human ? c.HumanSince ?? now : now,
            LastActivityAt = now,
        });
        if (updated is null)
        {
            return null;
        }
        var handoff = new HandoffRecord
        {
            Id = handoffId ?? Guid.CreateVersion7().ToString("N"),
            BusinessId = updated.BusinessId,
            ConversationKey = conversationKey,
            Contact = updated.Contact,
            Reason = reason,
            Intent = intent ?? updated.LastIntent,
            Confidence = confidence ?? updated.LastConfidence,
            Summary = updated.Summary,
            LastMessages = await conversations.GetMessagesAsync(conversationKey, 10),
            CreatedAt = now,
        };
        await handoffs.SaveAsync(handoff);
        await events.PublishAsync(new AssistantEvent(AssistantEvent.HandoffCreated, updated.BusinessId, conversationKey, handoff.Id, now, reason));
        return handoff;
    }

    /// <summary>An agent takes the conversation: state human at once, open hand-offs closed as taken. Null when absent.</summary>
    public async Task<ConversationRecord?> TakeOverAsync(string conversationKey, string agentName)
    {
        var now = time.GetUtcNow();
        var updated = await conversations.UpdateAsync(conversationKey, c => c with
        {
            State = ConversationState.Human,
            AssignedAgent = agentName,
            WaitingForHuman = false,
            HumanSince = c.State == ConversationState.Human ? c.HumanSince ?? now : now,
            LastAgentActivityAt = now,
            LastActivityAt = now,
        });
        if (updated is null)
        {
            return null;
        }
        await handoffs.CloseOpenAsync(updated.BusinessId, conversationKey, HandoffTaken);
        await events.PublishAsync(new AssistantEvent(AssistantEvent.ConversationTakenOver, updated.BusinessId, conversationKey, null, now, agentName));
        return updated;
    }

    /// <summary>
    /// The business answered from its own WhatsApp phone (an echo): a person is talking, so the bot
    /// pauses like after a take-over, without a hand-off to wait on. The worker records the echo line itself.
    /// </summary>
    public async Task<ConversationRecord> PauseForBusinessPhoneAsync(string businessId, string conversationKey, ContactInfo contact, DateTimeOffset? at = null)
    {
        var when = at ?? time.GetUtcNow();
        await conversations.GetOrCreateAsync(businessId, conversationKey, contact);
        var wasHuman = false;
        var updated = await conversations.UpdateAsync(conversationKey, c =>
        {
            wasHuman = c.State == ConversationState.Human;
            return c with
            {
                State = ConversationState.Human,
                AssignedAgent = c.State == ConversationState.Human ? c.AssignedAgent ?? BusinessPhoneAgent : BusinessPhoneAgent,
                WaitingForHuman = false,
                HumanSince = c.State == ConversationState.Human ? c.HumanSince ?? when : when,
                LastAgentActivityAt = when,
                LastActivityAt = when > c.LastActivityAt ? when : c.LastActivityAt,
            };
        }) ?? throw new InvalidOperationException("The conversation vanished while it was being paused.");
        await handoffs.CloseOpenAsync(businessId, conversationKey, HandoffTaken);
        if (!wasHuman)
        {
            await events.PublishAsync(new AssistantEvent(AssistantEvent.ConversationPaused, businessId, conversationKey, null, when, BusinessPhoneAgent));
        }
        return updated;
    }

    /// <summary>The same, from the echo event the webhook queued.</summary>
    public Task<ConversationRecord> PauseForBusinessPhoneAsync(InboundMessage echo) =>
        PauseForBusinessPhoneAsync(
            echo.BusinessId,
            echo.ConversationKey,
            new ContactInfo(echo.Contact.WaId, echo.Contact.UserId, null, echo.Contact.Username),
            echo.Timestamp == default ? echo.ReceivedAt : echo.Timestamp);

    /// <summary>
    /// Sends <paramref name="text"/> to the customer in the same WhatsApp thread as the agent
    /// <paramref name="agentName"/>; a conversation still with the bot is taken over first, so the bot
    /// and the person never answer the same message. <paramref name="messageId"/> makes a retried call queue once.
    /// </summary>
    public async Task<ConversationMessage?> ReplyAsAgentAsync(string conversationKey, string agentName, string text, string? messageId = null, string route = "agent", CancellationToken cancellationToken = default)
    {
        var conversation = await conversations.GetAsync(conversationKey);
        if (conversation is null)
        {
            return null;
        }
        if (conversation.State == ConversationState.Bot)
        {
            conversation = await TakeOverAsync(conversationKey, agentName) ?? conversation;
        }
        var line = await SendLineAsync(conversation, MessageAuthor.Agent, agentName, text, messageId, route, cancellationToken);
        var now = time.GetUtcNow();
        await conversations.UpdateAsync(conversationKey, c => c with { WaitingForHuman = false, LastAgentActivityAt = now, LastActivityAt = now });
        await events.PublishAsync(new AssistantEvent(AssistantEvent.AgentReplied, conversation.BusinessId, conversationKey, line.Id, now, agentName));
        return line;
    }

    /// <summary>
    /// Sends a text on the bot's behalf without changing who answers (an approved draft, a holding
    /// reply); <paramref name="reviewer"/> is recorded on the line when a person approved it.
    /// </summary>
    public async Task<ConversationMessage?> SendAsBotAsync(string conversationKey, string text, string messageId, string route, string? reviewer = null, string? intent = null, double? confidence = null, IReadOnlyList<string>? sources = null, string? provider = null, CancellationToken cancellationToken = default)
    {
        var conversation = await conversations.GetAsync(conversationKey);
        if (conversation is null)
        {
            return null;
        }
        return await SendLineAsync(conversation, MessageAuthor.Bot, reviewer, text, messageId, route, cancellationToken, intent, confidence, sources, provider);
    }

    /// <summary>An internal note on the thread: the customer never sees it.</summary>
    public async Task<ConversationMessage?> AddNoteAsync(string conversationKey, string agentName, string text)
    {
        var conversation = await conversations.GetAsync(conversationKey);
        if (conversation is null)
        {
            return null;
        }
        var now = time.GetUtcNow();
        var line = new ConversationMessage
        {
            Id = "note." + Guid.CreateVersion7().ToString("N"),
            ConversationKey = conversationKey,
            Author = MessageAuthor.Note,
            Text = text,
            At = now,
            AgentName = agentName,
        };
        await conversations.AppendAsync(line, conversation.BusinessId);
        await events.PublishAsync(new AssistantEvent(AssistantEvent.NoteAdded, conversation.BusinessId, conversationKey, line.Id, now, agentName));
        return line;
    }

    /// <summary>
    /// Gives the conversation back to the bot, after an optional closing message from
    /// <paramref name="agentName"/> (sent before the state changes, so it is the person's last word).
    /// </summary>
    public async Task<ConversationRecord?> ReleaseAsync(string conversationKey, string agentName, string? closingMessage = null, CancellationToken cancellationToken = default)
    {
        var conversation = await conversations.GetAsync(conversationKey);
        if (conversation is null)
        {
            return null;
        }
        if (!string.IsNullOrWhiteSpace(closingMessage))
        {
            await SendLineAsync(conversation, MessageAuthor.Agent, agentName, closingMessage, null, "agent", cancellationToken);
        }
        var now = time.GetUtcNow();
        var updated = await conversations.UpdateAsync(conversationKey, c => c with
        {
            State = ConversationState.Bot,
            AssignedAgent = null,
            WaitingForHuman = false,
            HandoffReason = null,
            HumanSince = null,
            ReleasedAt = now,
            LastActivityAt = now,
        });
        await handoffs.CloseOpenAsync(conversation.BusinessId, conversationKey, HandoffReleased);
        await events.PublishAsync(new AssistantEvent(AssistantEvent.ConversationReleased, conversation.BusinessId, conversationKey, null, now, agentName));
        return updated;
    }

    private async Task<ConversationMessage> SendLineAsync(
        ConversationRecord conversation, MessageAuthor author, string? agentName, string text, string? messageId, string route, CancellationToken cancellationToken,
        string? intent = null, double? confidence = null, IReadOnlyList<string>? sources = null, string? provider = null)
    {
        var business = await businesses.GetAsync(conversation.BusinessId)
            ?? throw new InvalidOperationException($"Business {conversation.BusinessId} of the conversation is not in the directory.");
        var now = time.GetUtcNow();
        var contact = conversation.Contact;
        var message = OutboundMessage.TextReply(
            business.Id, business.PhoneNumberId, conversation.Key, contact.WaId, contact.WaId is null ? contact.UserId : null, text, createdAt: now) with
        {
            Id = messageId ?? OutboundMessage.NewId(),
        };
        await outbound.EnqueueAsync(message, cancellationToken);
        var line = new ConversationMessage
        {
            Id = "out." + message.Id,
            ConversationKey = conversation.Key,
            Author = author,
            Text = text,
            At = now,
            OutboundId = message.Id,
            Route = route,
            AgentName = agentName,
            Intent = intent,
            Confidence = confidence,
            Sources = sources ?? [],
            Provider = provider,
            ReceivedAt = await PendingCustomerReceivedAtAsync(conversation.Key),
        };
        await conversations.AppendOnceAsync(line, conversation.BusinessId);
        return line;
    }

    // The latency of a reply runs from the customer message it answers: the newest customer line
    // not yet followed by a reply.
    private async Task<DateTimeOffset?> PendingCustomerReceivedAtAsync(string conversationKey)
    {
        var lines = await conversations.GetMessagesAsync(conversationKey, 20);
        for (var i = lines.Count - 1; i >= 0; i--)
        {
            switch (lines[i].Author)
            {
                case MessageAuthor.Customer:
                    return lines[i].ReceivedAt ?? lines[i].At;
                case MessageAuthor.Bot or MessageAuthor.Agent or MessageAuthor.BusinessPhone:
                    return null;
            }
        }
        return null;
    }
}
