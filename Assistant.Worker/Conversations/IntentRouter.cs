using Assistant.Core.Conversations;
using Assistant.Core.Intents;
using Assistant.Core.Knowledge.Answering;
using Assistant.Core.Replies;
using Assistant.Core.WhatsApp.Inbound;
using Assistant.Worker.Inbound;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace Assistant.Worker.Conversations;

/// <summary>
/// Decides how a turn is answered: a template, the knowledge base, or a person. The classifier
/// runs locally in milliseconds; only knowledge questions reach retrieval (and the LLM chain when
/// one is configured). Low confidence is a result, not a guess: it goes to the knowledge base,
/// whose own confidence decides between sending, a draft for review, and a person.
/// </summary>
public sealed class IntentRouter(KnowledgeAnswerService knowledge, IntentSecondOpinion secondOpinion, IOptions<InboundOptions> options)
{
    private static readonly HashSet<string> TemplateIntents = new(StringComparer.Ordinal)
    {
        IntentIds.Greeting, IntentIds.ThanksGoodbye, IntentIds.FeedbackPositive, IntentIds.OptOut, IntentIds.OutOfScope,
    };

    private static readonly HashSet<string> KnowledgeIntents = new(StringComparer.Ordinal)
    {
        IntentIds.OpeningHours, IntentIds.LocationDirections, IntentIds.PriceInquiry, IntentIds.ServiceInfo,
        IntentIds.GeneralQuestion, IntentIds.PaymentQuestion,
    };

    private static readonly HashSet<string> FlowIntents = new(StringComparer.Ordinal)
    {
        IntentIds.BookingRequest, IntentIds.RescheduleRequest, IntentIds.CancelRequest, IntentIds.AppointmentStatus,
        IntentIds.DocumentRequest, IntentIds.LeadInfo,
    };

    /// <summary>Intents a person handles even when the business did not list them as always-human.</summary>
    private static readonly HashSet<string> PersonIntents = new(StringComparer.Ordinal)
    {
        IntentIds.Complaint, IntentIds.HumanRequest, IntentIds.UrgentIssue, IntentIds.LegalPrivacy,
    };

    /// <param name="history">Read only when the knowledge base is asked: a template reply needs no history.</param>
    public async Task<TurnDecision> DecideAsync(BusinessContext business, ConversationRecord conversation, CustomerTurn turn, Func<Task<IReadOnlyList<ChatMessage>>> history, CancellationToken cancellationToken)
    {
        var profile = business.Profile;
        var text = turn.Text;

        if (string.IsNullOrWhiteSpace(text))
        {
            return DecideWithoutText(business, conversation, turn);
        }

        var prediction = business.Classifier.Classify(text);
        var language = ReplyTemplates.ResolveLanguage(prediction.Language ?? conversation.Language, profile);
        var intent = prediction.Intent;
        var confidence = prediction.Confidence;
        var confident = prediction.IsConfident(options.Value.MinIntentConfidence);
        if (!confident && await secondOpinion.AskAsync(text, cancellationToken) is { } opinion)
        {
            // The LLM's label is trusted as far as the bar for acting on an intent, no further.
            intent = opinion;
            confidence = Math.Max(confidence, options.Value.MinIntentConfidence);
            confident = true;
        }

        string Render(string key) => ReplyTemplates.Render(key, language, profile.Tone, profile, business.Responses,
            new Dictionary<string, string?> { ["customerName"] = FirstName(conversation.Contact.Name) });

        TurnDecision Handoff(string reason, string replyKey) => new()
        {
            Route = Routes.Handoff, Reply = Render(replyKey), Intent = intent, Confidence = confidence, Language = language, HandoffReason = reason,
        };

        if (confident && (profile.Handoff.AlwaysHuman.Contains(intent, StringComparer.Ordinal) || PersonIntents.Contains(intent)))
        {
            return Handoff(intent, intent == IntentIds.UrgentIssue ? ReplyKeys.UrgentIssue : ReplyKeys.Handoff(intent));
        }

        if (confident && TemplateIntents.Contains(intent))
        {
            return new TurnDecision
            {
                Route = Routes.Template, Reply = Render(intent), Intent = intent, Confidence = confidence, Language = language,
                OptOut = intent == IntentIds.OptOut,
            };
        }

        if (confident && FlowIntents.Contains(intent))
        {
            return Handoff(intent, ReplyKeys.Handoff(intent)) with { Route = Routes.Flow };
        }

        // Knowledge intents, and anything the classifier is unsure about: the knowledge base decides.
        var answer = await knowledge.AnswerAsync(profile.Id, text, language, new KnowledgeAnswerContext(profile, await history(), conversation.Summary), cancellationToken);
        var sources = answer.Sources.Select(s => $"{s.FileName}#{s.Section}").ToList();
        if (answer.Abstained)
        {
            return confident && KnowledgeIntents.Contains(intent)
                ? Handoff("no_answer", ReplyKeys.HandoffGeneric) with { Reply = answer.Text, Sources = sources, Provider = answer.Provider }
                : Handoff("low_confidence", ReplyKeys.HandoffLowConfidence);
        }

        // The answer's own confidence, tempered by how sure we are of what was asked.
        var answerConfidence = confident ? answer.Confidence : Math.Min(answer.Confidence, confidence + 0.25);
        var decision = new TurnDecision
        {
            Route = Routes.Knowledge, Intent = confident ? intent : IntentIds.GeneralQuestion, Confidence = answerConfidence, Language = language,
            Sources = sources, Provider = answer.Provider,
        };
        return answer.NeedsReview || answerConfidence < profile.Handoff.AutoSendMinConfidence
            ? decision with { Route = Routes.Draft, Draft = answer }
            : decision with { Reply = answer.Text };
    }

    /// <summary>Media without a caption, reactions and system notices: acknowledge media, stay silent otherwise.</summary>
    private static TurnDecision DecideWithoutText(BusinessContext business, ConversationRecord conversation, CustomerTurn turn)
    {
        var profile = business.Profile;
        var language = ReplyTemplates.ResolveLanguage(conversation.Language, profile);
        var media = turn.Media.LastOrDefault();
        if (turn.Last.Type == InboundMessageType.RequestWelcome)
        {
            return new TurnDecision { Route = Routes.Template, Intent = IntentIds.Greeting, Language = language, Reply = ReplyTemplates.Render(IntentIds.Greeting, language, profile.Tone, profile, business.Responses) };
        }
        if (media is null)
        {
            return new TurnDecision { Route = Routes.Silent, Language = language };
        }

        var key = media.Type switch
        {
            InboundMessageType.Image => ReplyKeys.MediaPhoto,
            InboundMessageType.Audio => ReplyKeys.MediaVoice,
            InboundMessageType.Video => ReplyKeys.MediaVideo,
            InboundMessageType.Document => ReplyKeys.MediaDocument,
            InboundMessageType.Sticker => ReplyKeys.MediaSticker,
            InboundMessageType.Location => ReplyKeys.MediaLocation,
            _ => ReplyKeys.MediaContacts,
        };
        return new TurnDecision { Route = Routes.Media, Language = language, Reply = ReplyTemplates.Render(key, language, profile.Tone, profile, business.Responses) };
    }

    private static string? FirstName(string? name) => name?.Split(' ', StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
}
