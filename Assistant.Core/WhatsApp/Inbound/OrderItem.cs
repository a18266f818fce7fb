namespace Assistant.Core.WhatsApp.Inbound;

public sealed record OrderItem
{
    public string? ProductRetailerId { get; init; }

    public int Quantity { get; init; }

    public decimal ItemPrice { get; init; }

    public string? Currency { get; init; }
}
