using Assistant.Core.Businesses;
using Assistant.Core.Intents;

namespace Assistant.Core.Replies;

/// <summary>
/// The built-in reply texts: Italian formal (Lei) and friendly (tu), English polite and warm.
/// Optional parts sit in <c>[[ ]]</c> (see <see cref="PlaceholderFormatter"/>).
/// </summary>
internal static class DefaultReplyTexts
{
    private static readonly Dictionary<string, Dictionary<(string Language, BusinessTone Tone), string>> Texts = Build();

    public static bool Has(string key) => Texts.ContainsKey(key);

    public static string? Get(string key, string language, BusinessTone tone) =>
        Texts.TryGetValue(key, out var variants) && variants.TryGetValue((language, tone), out var text) ? text : null;

    private static Dictionary<string, Dictionary<(string, BusinessTone), string>> Build()
    {
        var texts = new Dictionary<string, Dictionary<(string, BusinessTone), string>>(StringComparer.Ordinal);

        void Add(string key, string itFormal, string itFriendly, string enPolite, string enWarm) =>
            texts[key] = new()
            {
                [("it", BusinessTone.Formal)] = itFormal,
                [("it", BusinessTone.Friendly)] = itFriendly,
                [("en", BusinessTone.Formal)] = enPolite,
                [("en", BusinessTone.Friendly)] = enWarm,
            };

        Add(ReplyKeys.Greeting,
            "Buongiorno[[ {customerName}]], sono l'assistente virtuale di {businessName}. Come posso aiutarLa?",
            "Ciao[[ {customerName}]]! Sono l'assistente di {businessName} 😊 Come posso aiutarti?",
            "Hello[[ {customerName}]], this is the virtual assistant of {businessName}. How may I help you?",
            "Hi[[ {customerName}]]! I'm the assistant of {businessName} 😊 How can I help?");
        Add(ReplyKeys.ThanksGoodbye,
            "Grazie a Lei! Per qualsiasi necessità ci trova qui. Buona giornata da {businessName}.",
            "Grazie a te! Per qualsiasi cosa scrivici pure qui. A presto 👋",
            "Thank you! We are here whenever you need us. Kind regards from {businessName}.",
            "Thanks to you! Write any time you need us. Talk soon 👋");
        Add(ReplyKeys.FeedbackPositive,
            "La ringraziamo molto per le belle parole[[, {customerName}]]! Le riferiremo a tutto il team di {businessName}.",
            "Grazie di cuore[[, {customerName}]]! 😊 Lo diciamo subito a tutto il team di {businessName}.",
            "Thank you very much for your kind words[[, {customerName}]]! We will pass them on to the whole {businessName} team.",
            "Thank you so much[[, {customerName}]]! 😊 We'll tell the whole {businessName} team right away.");
        Add(ReplyKeys.OptOut,
            "Va bene, non Le invieremo più messaggi da questo numero. Se in futuro vorrà scriverci, saremo qui.",
            "Ok, non ti scriveremo più da questo numero. Se vorrai ricontattarci, scrivici quando vuoi.",
            "Understood: we will not send you any further messages from this number. Should you wish to contact us again, we will be here.",
            "Got it, we won't message you again from this number. If you ever want to reach us, just write.");
        Add(ReplyKeys.OutOfScope,
            "Mi scusi, qui posso aiutarLa solo con domande su {businessName} e i nostri servizi: orari, prezzi, appuntamenti e informazioni.",
            "Scusa, qui posso aiutarti solo con domande su {businessName} e i nostri servizi: orari, prezzi, appuntamenti e informazioni.",
            "I'm sorry, here I can only help with questions about {businessName} and our services: hours, prices, appointments and information.",
            "Sorry, here I can only help with {businessName} and our services: hours, prices, appointments and info.");
        Add(ReplyKeys.UrgentIssue,
            "Ci dispiace molto. Se è in pericolo o si tratta di un'emergenza, chiami subito il 112. Abbiamo già avvisato una persona di {businessName}, che La contatterà il prima possibile.[[ Può anche chiamarci al {displayPhoneNumber}.]]",
            "Ci dispiace tanto. Se sei in pericolo o è un'emergenza, chiama subito il 112. Abbiamo già avvisato una persona di {businessName}, che ti contatterà il prima possibile.[[ Puoi anche chiamarci al {displayPhoneNumber}.]]",
            "We are very sorry. If you are in danger or this is an emergency, call 112 now. We have alerted a person at {businessName}, who will contact you as soon as possible.[[ You can also call us on {displayPhoneNumber}.]]",
            "We're so sorry. If you're in danger or it's an emergency, call 112 right now. We've alerted someone at {businessName}, who will get back to you as soon as possible.[[ You can also call us on {displayPhoneNumber}.]]");
        Add(ReplyKeys.HandoffGeneric,
            "Grazie, ho passato il Suo messaggio a una persona del team di {businessName}, che Le risponderà qui al più presto.",
            "Grazie, ho passato il tuo messaggio a una persona del team di {businessName}, che ti risponderà qui al più presto.",
            "Thank you, I have passed your message to a person at {businessName}, who will answer you here as soon as possible.",
            "Thanks, I've passed your message to someone at {businessName}, who'll answer you here as soon as possible.");
        Add(ReplyKeys.HandoffLowConfidence,
            "Non sono sicuro di aver capito bene: ho girato il Suo messaggio a un collega, che Le risponderà qui al più presto.",
            "Non sono sicuro di aver capito bene: ho girato il tuo messaggio a un collega, che ti risponderà qui al più presto.",
            "I'm not sure I understood correctly, so I have forwarded your message to a colleague, who will answer you here shortly.",
            "I'm not sure I got that right, so I've passed your message to a colleague who'll answer you here shortly.");
        Add(ReplyKeys.OutsideHours,
            "Grazie per il messaggio! In questo momento {businessName} è chiuso[[ (riapriamo {opensAt})]]: Le risponderemo appena possibile.",
            "Grazie per il messaggio! In questo momento {businessName} è chiuso[[ (riapriamo {opensAt})]]: ti risponderemo appena possibile.",
            "Thank you for your message! {businessName} is closed right now[[ (we reopen {opensAt})]]; we will answer you as soon as possible.",
            "Thanks for your message! {businessName} is closed right now[[ (we reopen {opensAt})]], we'll get back to you as soon as we can.");

        AddHandoff(texts, IntentIds.BookingRequest, "fissare l'appuntamento", "set up the appointment");
        AddHandoff(texts, IntentIds.RescheduleRequest, "spostare l'appuntamento", "move your appointment");
        AddHandoff(texts, IntentIds.CancelRequest, "confermare la disdetta dell'appuntamento", "confirm the cancellation of your appointment");
        AddHandoff(texts, IntentIds.AppointmentStatus, "verificare l'appuntamento", "check your appointment");
        AddHandoff(texts, IntentIds.DocumentRequest, "inviare il documento richiesto", "send the document you asked for");
        AddHandoff(texts, IntentIds.LeadInfo, "capire insieme le esigenze", "understand your needs together");
        AddHandoff(texts, IntentIds.HumanRequest, "rispondere di persona", "answer you in person");
        AddHandoff(texts, IntentIds.LegalPrivacy, "gestire la richiesta", "handle your request");
        Add("handoff_" + IntentIds.Complaint,
            "Ci dispiace molto per quanto accaduto. Ho segnalato subito il Suo messaggio a una persona di {businessName}, che La ricontatterà qui al più presto.",
            "Ci dispiace davvero per quanto successo. Ho segnalato subito il tuo messaggio a una persona di {businessName}, che ti ricontatterà qui al più presto.",
            "We are very sorry about this. I have flagged your message to a person at {businessName}, who will get back to you here as soon as possible.",
            "We're really sorry about this. I've flagged your message to someone at {businessName}, who'll get back to you here as soon as possible.");

        Add(ReplyKeys.MediaPhoto,
            "Grazie per la foto, l'abbiamo ricevuta: la guarderemo e Le risponderemo qui.",
            "Grazie per la foto, l'abbiamo ricevuta: la guardiamo e ti rispondiamo qui.",
            "Thank you for the photo, we have received it: we will look at it and answer you here.",
            "Thanks for the photo, got it! We'll take a look and answer you here.");
        Add(ReplyKeys.MediaVoice,
            "Grazie per il messaggio vocale: lo ascolteremo e Le risponderemo qui al più presto.",
            "Grazie per il vocale: lo ascoltiamo e ti rispondiamo qui al più presto.",
            "Thank you for the voice message: we will listen to it and answer you here as soon as possible.",
            "Thanks for the voice note! We'll listen to it and get back to you here soon.");
        Add(ReplyKeys.MediaVideo,
            "Grazie per il video, l'abbiamo ricevuto: lo guarderemo e Le risponderemo qui.",
            "Grazie per il video, l'abbiamo ricevuto: lo guardiamo e ti rispondiamo qui.",
            "Thank you for the video, we have received it: we will watch it and answer you here.",
            "Thanks for the video, got it! We'll watch it and answer you here.");
        Add(ReplyKeys.MediaDocument,
            "Grazie, abbiamo ricevuto il documento: lo esamineremo e Le risponderemo qui.",
            "Grazie, abbiamo ricevuto il documento: lo guardiamo e ti rispondiamo qui.",
            "Thank you, we have received the document: we will review it and answer you here.",
            "Thanks, we got the document! We'll look at it and answer you here.");
        Add(ReplyKeys.MediaSticker,
            "😊 Se ha bisogno di qualcosa, ci scriva pure qui.",
            "😊 Se ti serve qualcosa, scrivici pure qui.",
            "😊 If you need anything, just write to us here.",
            "😊 Need anything? Just write here.");
        Add(ReplyKeys.MediaLocation,
            "Grazie, abbiamo ricevuto la posizione.",
            "Grazie, abbiamo ricevuto la posizione 👍",
            "Thank you, we have received the location.",
            "Thanks, got the location 👍");
        Add(ReplyKeys.MediaContacts,
            "Grazie, abbiamo ricevuto il contatto.",
            "Grazie, abbiamo ricevuto il contatto 👍",
            "Thank you, we have received the contact.",
            "Thanks, got the contact 👍");
        return texts;
    }

    private static void AddHandoff(Dictionary<string, Dictionary<(string, BusinessTone), string>> texts, string intent, string italianPurpose, string englishPurpose) =>
        texts[ReplyKeys.Handoff(intent)] = new()
        {
            [("it", BusinessTone.Formal)] = $"Grazie! Un collega di {{businessName}} La ricontatterà qui a breve per {italianPurpose}.",
            [("it", BusinessTone.Friendly)] = $"Grazie! Un collega di {{businessName}} ti ricontatterà qui a breve per {italianPurpose}.",
            [("en", BusinessTone.Formal)] = $"Thank you! A colleague from {{businessName}} will follow up here shortly to {englishPurpose}.",
            [("en", BusinessTone.Friendly)] = $"Thanks! A colleague from {{businessName}} will follow up here shortly to {englishPurpose}.",
        };
}
