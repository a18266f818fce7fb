namespace Assistant.Core.Intents;

/// <summary>The built-in intent taxonomy of CONTRACTS.md section 4. A business adds examples, never ids.</summary>
public static class IntentIds
{
    public const string Greeting = "greeting";
    public const string ThanksGoodbye = "thanks_goodbye";
    public const string OpeningHours = "opening_hours";
    public const string LocationDirections = "location_directions";
    public const string PriceInquiry = "price_inquiry";
    public const string BookingRequest = "booking_request";
    public const string RescheduleRequest = "reschedule_request";
    public const string CancelRequest = "cancel_request";
    public const string AppointmentStatus = "appointment_status";
    public const string DocumentRequest = "document_request";
    public const string PaymentQuestion = "payment_question";
    public const string ServiceInfo = "service_info";
    public const string GeneralQuestion = "general_question";
    public const string Complaint = "complaint";
    public const string HumanRequest = "human_request";
    public const string LeadInfo = "lead_info";
    public const string UrgentIssue = "urgent_issue";
    public const string LegalPrivacy = "legal_privacy";
    public const string OptOut = "opt_out";
    public const string FeedbackPositive = "feedback_positive";
    public const string OutOfScope = "out_of_scope";

    /// <summary>All 21 ids, in the order of the contract.</summary>
    public static IReadOnlyList<string> All { get; } =
    [
        Greeting, ThanksGoodbye, OpeningHours, LocationDirections, PriceInquiry, BookingRequest,
        RescheduleRequest, CancelRequest, AppointmentStatus, DocumentRequest, PaymentQuestion,
        ServiceInfo, GeneralQuestion, Complaint, HumanRequest, LeadInfo, UrgentIssue, LegalPrivacy,
        OptOut, FeedbackPositive, OutOfScope,
    ];

    private static readonly HashSet<string> Known = new(All, StringComparer.Ordinal);

    public static bool IsKnown(string intent) => Known.Contains(intent);
}
