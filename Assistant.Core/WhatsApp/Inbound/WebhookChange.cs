namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>One <c>entry[].changes[]</c> element, parsed.</summary>
public sealed record WebhookChange
{
    /// <summary><c>entry[].id</c>: the WhatsApp Business Account.</summary>
    public string? WabaId { get; init; }

    public required string Field { get; init; }

    /// <summary><c>value.metadata.phone_number_id</c>; null for fields that carry none.</summary>
    public string? PhoneNumberId { get; init; }

    public string? DisplayPhoneNumber { get; init; }

    public IReadOnlyList<InboundMessage> Messages { get; init; } = [];

    public IReadOnlyList<DeliveryStatus> Statuses { get; init; } = [];

    /// <summary>Messages the business sent from its phone app (<c>smb_message_echoes</c>).</summary>
    public IReadOnlyList<InboundMessage> Echoes { get; init; } = [];

    /// <summary><c>value.errors</c>.</summary>
    public IReadOnlyList<WhatsAppError> Errors { get; init; } = [];

    /// <summary>A field this assistant does not act on (account_update, calls, template updates, ...).</summary>
    public bool IsIgnored { get; init; }

    /// <summary>The change as sent (JSON text), kept for parking when its number routes nowhere; null for ignored fields.</summary>
    public string? RawJson { get; init; }

    public int EventCount => Messages.Count + Statuses.Count + Echoes.Count;
}
