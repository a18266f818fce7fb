namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>An error object as Meta sends it on messages, statuses and change values.</summary>
public sealed record WhatsAppError
{
    public int Code { get; init; }

    public string? Title { get; init; }

    public string? Message { get; init; }

    /// <summary><c>error_data.details</c>.</summary>
    public string? Details { get; init; }

    public string? Href { get; init; }
}
