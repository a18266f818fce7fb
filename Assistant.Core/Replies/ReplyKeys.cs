using Assistant.Core.Intents;

namespace Assistant.Core.Replies;

/// <summary>
/// The template replies the assistant sends without an LLM. Intent-named keys match the intent
/// ids, so a pack's <c>responses.json</c> overrides them by intent id; the other keys can be
/// overridden the same way.
/// </summary>
public static class ReplyKeys
{
    public const string Greeting = IntentIds.Greeting;
    public const string ThanksGoodbye = IntentIds.ThanksGoodbye;
    public const string FeedbackPositive = IntentIds.FeedbackPositive;
    public const string OptOut = IntentIds.OptOut;
    public const string OutOfScope = IntentIds.OutOfScope;

    /// <summary>Acknowledges an urgent message: call 112 if in danger, a person is alerted now.</summary>
    public const string UrgentIssue = IntentIds.UrgentIssue;

    /// <summary>"A person will answer you here."</summary>
    public const string HandoffGeneric = "handoff_generic";

    /// <summary>The classifier was not confident: a person will read the message.</summary>
    public const string HandoffLowConfidence = "handoff_low_confidence";

    /// <summary>Sent outside opening hours; the optional <c>{opensAt}</c> placeholder says when the business reopens.</summary>
    public const string OutsideHours = "outside_hours";

    public const string MediaPhoto = "media_photo";
    public const string MediaVoice = "media_voice";
    public const string MediaVideo = "media_video";
    public const string MediaDocument = "media_document";
    public const string MediaSticker = "media_sticker";
    public const string MediaLocation = "media_location";
    public const string MediaContacts = "media_contacts";

    /// <summary>Intents with their own hand-off message ("a colleague will follow up to ...").</summary>
    public static IReadOnlyList<string> HandoffIntents { get; } =
    [
        IntentIds.BookingRequest, IntentIds.RescheduleRequest, IntentIds.CancelRequest, IntentIds.AppointmentStatus,
        IntentIds.DocumentRequest, IntentIds.LeadInfo, IntentIds.Complaint, IntentIds.HumanRequest, IntentIds.LegalPrivacy,
    ];

    /// <summary>The hand-off key of an intent: <c>handoff_booking_request</c> and so on; <see cref="HandoffGeneric"/> for intents without their own.</summary>
    public static string Handoff(string intent) =>
        HandoffIntents.Contains(intent) ? "handoff_" + intent : HandoffGeneric;
}
