using System.Text.Json;

namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>A change for a phone number no business claims, parked on the unrouted stream for an operator.</summary>
public sealed record UnroutedChange
{
    public required string PhoneNumberId { get; init; }

    public string? DisplayPhoneNumber { get; init; }

    public string? WabaId { get; init; }

    public required string Field { get; init; }

    /// <summary>The change object exactly as it appeared in the body (JSON text).</summary>
    public required string RawChange { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public static byte[] SerializeToUtf8Bytes(UnroutedChange change) =>
        JsonSerializer.SerializeToUtf8Bytes(change, InboundJsonContext.Default.UnroutedChange);

    public static UnroutedChange Deserialize(string json) =>
        JsonSerializer.Deserialize(json, InboundJsonContext.Default.UnroutedChange)
        ?? throw new JsonException("An unrouted change was null.");
}
