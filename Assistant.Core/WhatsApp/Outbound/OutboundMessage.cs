using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>
/// One message for a customer, as queued on <c>wa:outbound</c>. <see cref="Id"/> is ours and is the
/// unit of exactly-once delivery: the sender records its fate under <c>out:{Id}</c> and Meta echoes it
/// back in status webhooks as <c>biz_opaque_callback_data</c>.
/// </summary>
public sealed record OutboundMessage
{
    private static readonly JsonSerializerOptions JsonOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    public required string Id { get; init; }

    public required string BusinessId { get; init; }

    /// <summary>The business's WhatsApp <c>phone_number_id</c> the message is sent from.</summary>
    public required string PhoneNumberId { get; init; }

    /// <summary>The worker's conversation key (customer service window, sandbox outbox, hand-off).</summary>
    public required string ConversationKey { get; init; }

    /// <summary>The customer's phone (<c>wa_id</c>), preferred when known.</summary>
    public string? To { get; init; }

    /// <summary>The customer's business-scoped user id (BSUID), used when there is no phone.</summary>
    public string? Recipient { get; init; }

    public required OutboundKind Kind { get; init; }

    public OutboundText? Text { get; init; }

    public OutboundButtons? Buttons { get; init; }

    public OutboundList? List { get; init; }

    public OutboundTemplate? Template { get; init; }

    /// <summary>For <see cref="OutboundKind.Image"/> and <see cref="OutboundKind.Document"/>.</summary>
    public OutboundMedia? Media { get; init; }

    public OutboundMarkRead? MarkRead { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>The wamid of the customer message this one answers (shown as a quoted reply).</summary>
    public string? InReplyTo { get; init; }

    /// <summary>Not an answer to a customer message (reminder, follow-up): subject to opt-out and the 24-hour window.</summary>
    public bool IsProactive { get; init; }

    /// <summary>Who receives it: the phone when known, else the BSUID.</summary>
    [JsonIgnore]
    public string RecipientKey => To ?? Recipient ?? "";

    public static string NewId() => Guid.CreateVersion7().ToString("N");

    public string Serialize() => JsonSerializer.Serialize(this, JsonOptions);

    public static OutboundMessage Deserialize(string json) =>
        JsonSerializer.Deserialize<OutboundMessage>(json, JsonOptions)
        ?? throw new JsonException("An outbound message cannot be null.");

    /// <summary>A text reply; the common case for the worker.</summary>
    public static OutboundMessage TextReply(string businessId, string phoneNumberId, string conversationKey, string? to, string? recipient, string body, string? inReplyTo = null, DateTimeOffset? createdAt = null) => new()
    {
        Id = NewId(),
        BusinessId = businessId,
        PhoneNumberId = phoneNumberId,
        ConversationKey = conversationKey,
        To = to,
        Recipient = recipient,
        Kind = OutboundKind.Text,
        Text = new OutboundText(body),
        InReplyTo = inReplyTo,
        CreatedAt = createdAt ?? DateTimeOffset.UtcNow,
    };
}
