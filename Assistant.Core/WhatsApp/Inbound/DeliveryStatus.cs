using System.Text.Json;

namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>What happened to a message the business sent: sent, delivered, read, played or failed. The sender consumes these.</summary>
public sealed record DeliveryStatus
{
    /// <summary>The wamid of the business's message.</summary>
    public required string Id { get; init; }

    public string BusinessId { get; init; } = string.Empty;

    public required string PhoneNumberId { get; init; }

    public string? WabaId { get; init; }

    public required DeliveryState Status { get; init; }

    /// <summary>The status exactly as Meta sent it.</summary>
    public string? RawStatus { get; init; }

    /// <summary><c>recipient_id</c>: the customer's phone (or a group id).</summary>
    public string? RecipientId { get; init; }

    /// <summary>The recipient's BSUID, when Meta sends it.</summary>
    public string? RecipientUserId { get; init; }

    /// <summary><c>recipient_type</c> (e.g. <c>group</c>), when present.</summary>
    public string? RecipientType { get; init; }

    public DateTimeOffset Timestamp { get; init; }

    public IReadOnlyList<WhatsAppError>? Errors { get; init; }

    /// <summary><c>pricing.category</c>: service, utility, marketing, authentication, ...</summary>
    public string? PricingCategory { get; init; }

    public string? PricingModel { get; init; }

    public bool? Billable { get; init; }

    public string? ConversationId { get; init; }

    public string? ConversationOrigin { get; init; }

    public DateTimeOffset? ConversationExpiresAt { get; init; }

    /// <summary>The tracker the sender attached to the message, echoed back by Meta.</summary>
    public string? BizOpaqueCallbackData { get; init; }

    public DateTimeOffset ReceivedAt { get; init; }

    public static byte[] SerializeToUtf8Bytes(DeliveryStatus status) =>
        JsonSerializer.SerializeToUtf8Bytes(status, InboundJsonContext.Default.DeliveryStatus);

    public static string Serialize(DeliveryStatus status) =>
        JsonSerializer.Serialize(status, InboundJsonContext.Default.DeliveryStatus);

    public static DeliveryStatus Deserialize(string json) =>
        JsonSerializer.Deserialize(json, InboundJsonContext.Default.DeliveryStatus)
        ?? throw new JsonException("A delivery status event was null.");

    public static DeliveryStatus Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, InboundJsonContext.Default.DeliveryStatus)
        ?? throw new JsonException("A delivery status event was null.");
}
