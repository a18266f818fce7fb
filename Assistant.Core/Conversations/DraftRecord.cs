namespace Assistant.Core.Conversations;

/// <summary>An answer the bot was not confident enough to send: it waits for a person's approval.</summary>
public sealed record DraftRecord
{
    public required string Id { get; init; }

    public required string BusinessId { get; init; }

    public required string ConversationKey { get; init; }

    public required string Question { get; init; }

    public required string Text { get; init; }

    public required double Confidence { get; init; }

    public string? Intent { get; init; }

    public string? Language { get; init; }

    public string? Provider { get; init; }

    /// <summary>The passages behind the draft: source tag and text.</summary>
    public IReadOnlyList<DraftPassage> Passages { get; init; } = [];

    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>pending, approved, edited, rejected, escalated.</summary>
    public string Status { get; init; } = DraftStatus.Pending;

    public string? ReviewedBy { get; init; }

    public DateTimeOffset? ReviewedAt { get; init; }

    /// <summary>Set once the customer got the holding reply for a draft that waited too long.</summary>
    public bool HoldingReplySent { get; init; }

    /// <summary>The text that went to the customer when a reviewer edited it (<see cref="Text"/> keeps the bot's draft).</summary>
    public string? SentText { get; init; }

    /// <summary>On a rejected draft: what the reviewer did instead (<c>handoff</c> or <c>reply</c>).</summary>
    public string? RejectAction { get; init; }
}

public sealed record DraftPassage(string Source, string Text);
