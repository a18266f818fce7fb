namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>The catalogue product a message asks about.</summary>
public sealed record ReferredProduct
{
    public string? CatalogId { get; init; }

    public string? ProductRetailerId { get; init; }
}
