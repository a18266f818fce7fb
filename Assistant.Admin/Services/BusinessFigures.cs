namespace Assistant.Admin.Services;

/// <summary>The figures of one business over [<see cref="From"/>, <see cref="To"/>); definitions in docs/figures.md.</summary>
public sealed record BusinessFigures(
    string BusinessId,
    DateTimeOffset From,
    DateTimeOffset To,
    int Conversations,
    int MessagesIn,
    int MessagesOut,
    double AnsweredAutomaticallyShare,
    double HandedOffShare,
    DraftFigures Drafts,
    LatencyFigures Latency,
    IReadOnlyList<IntentFigures> Intents);

/// <summary>Drafts created in the period, by what happened to them.</summary>
public sealed record DraftFigures(int Created, int Approved, int Edited, int Rejected, int Escalated, int Pending);

/// <summary>Received-to-sent latency of replies, in milliseconds (null without a measured reply).</summary>
public sealed record LatencyFigures(int Measured, double? P50Ms, double? P95Ms);

/// <summary>The same per intent (the intent of the customer message a reply answered, or of the conversation).</summary>
public sealed record IntentFigures(string Intent, int Conversations, int Replies, double AnsweredAutomaticallyShare, double HandedOffShare, LatencyFigures Latency);
