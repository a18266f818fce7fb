namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>The <c>context</c> of a message: what it replies to, whether it was forwarded, which product it asks about.</summary>
public sealed record MessageContext
{
    /// <summary>The wamid the user replied to.</summary>
    public string? Id { get; init; }

    /// <summary>The sender of the message replied to (usually the business's own number).</summary>
    public string? From { get; init; }

    public bool Forwarded { get; init; }

    public bool FrequentlyForwarded { get; init; }

    public ReferredProduct? ReferredProduct { get; init; }
}
