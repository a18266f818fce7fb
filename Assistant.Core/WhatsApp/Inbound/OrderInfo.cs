namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>A cart sent from the business's catalogue.</summary>
public sealed record OrderInfo
{
    public string? CatalogId { get; init; }

    public string? Text { get; init; }

    public IReadOnlyList<OrderItem> Items { get; init; } = [];
}
