namespace Assistant.Core.WhatsApp.Inbound;

public sealed record SharedContactPhone
{
    public string? Phone { get; init; }

    public string? WaId { get; init; }

    public string? Type { get; init; }
}
