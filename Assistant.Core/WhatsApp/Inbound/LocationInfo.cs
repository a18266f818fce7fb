namespace Assistant.Core.WhatsApp.Inbound;

public sealed record LocationInfo
{
    public double Latitude { get; init; }

    public double Longitude { get; init; }

    public string? Name { get; init; }

    public string? Address { get; init; }

    public string? Url { get; init; }
}
