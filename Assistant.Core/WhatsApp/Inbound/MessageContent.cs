namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>What the parser read from a message's type-specific object (also the inner message of an edit).</summary>
internal sealed record MessageContent(InboundMessageType Type)
{
    public string? Text { get; init; }

    public MediaInfo? Media { get; init; }

    public LocationInfo? Location { get; init; }

    public ReactionInfo? Reaction { get; init; }

    public InteractiveReply? Interactive { get; init; }

    public ButtonReply? Button { get; init; }

    public IReadOnlyList<SharedContact>? SharedContacts { get; init; }

    public OrderInfo? Order { get; init; }

    public SystemChange? SystemChange { get; init; }

    public string? UnsupportedType { get; init; }
}
