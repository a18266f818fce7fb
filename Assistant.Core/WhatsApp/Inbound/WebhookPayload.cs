namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>A whole webhook body, parsed: every entry's every change, in order.</summary>
public sealed record WebhookPayload
{
    public const string WhatsAppBusinessAccount = "whatsapp_business_account";

    /// <summary>The top-level <c>object</c>.</summary>
    public required string ObjectType { get; init; }

    public IReadOnlyList<WebhookChange> Changes { get; init; } = [];

    public bool IsWhatsAppBusinessAccount => ObjectType == WhatsAppBusinessAccount;

    public int EventCount => Changes.Sum(c => c.EventCount);

    public int IgnoredChangeCount => Changes.Count(c => c.IsIgnored);
}
