using System.Text.Json;
using System.Text.Json.Serialization;

namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>
/// One message a customer sent (or, with <see cref="IsEcho"/>, one the business sent from its own
/// WhatsApp app), normalised from Meta's webhook. This is the event the worker consumes.
/// </summary>
public sealed record InboundMessage
{
    /// <summary>Meta's message id (wamid).</summary>
    public required string Id { get; init; }

    /// <summary>The business the phone number routes to; empty until routed.</summary>
    public string BusinessId { get; init; } = string.Empty;

    /// <summary><c>metadata.phone_number_id</c>: the business number the message arrived on.</summary>
    public required string PhoneNumberId { get; init; }

    public string? DisplayPhoneNumber { get; init; }

    /// <summary>The WhatsApp Business Account id (<c>entry[].id</c>).</summary>
    public string? WabaId { get; init; }

    /// <summary>The customer. For an echo, the customer the business wrote to.</summary>
    public required ContactIdentity Contact { get; init; }

    public required InboundMessageType Type { get; init; }

    /// <summary>The <c>type</c> exactly as Meta sent it (e.g. <c>unknown</c>), or inferred from the content when the key was missing.</summary>
    public string? RawType { get; init; }

    /// <summary>Sent by the business from its own phone app (field <c>smb_message_echoes</c>): a person is talking, the bot pauses.</summary>
    public bool IsEcho { get; init; }

    /// <summary>The text: message body, the title of a button/list reply, or a template button's text.</summary>
    public string? Text { get; init; }

    public MediaInfo? Media { get; init; }

    public LocationInfo? Location { get; init; }

    public ReactionInfo? Reaction { get; init; }

    public InteractiveReply? Interactive { get; init; }

    public ButtonReply? Button { get; init; }

    public IReadOnlyList<SharedContact>? SharedContacts { get; init; }

    public OrderInfo? Order { get; init; }

    public SystemChange? SystemChange { get; init; }

    public MessageContext? Context { get; init; }

    public Referral? Referral { get; init; }

    /// <summary>Revoke and edit: the message deleted or edited.</summary>
    public string? OriginalMessageId { get; init; }

    /// <summary>Unsupported messages: <c>unsupported.type</c> (e.g. <c>poll</c>) or the unknown type's name.</summary>
    public string? UnsupportedType { get; init; }

    /// <summary>Errors Meta attached to the message (or, when it has none, to the change that carried it).</summary>
    public IReadOnlyList<WhatsAppError>? Errors { get; init; }

    /// <summary>When the user sent it (Meta's timestamp).</summary>
    public DateTimeOffset Timestamp { get; init; }

    /// <summary>When our webhook received it.</summary>
    public DateTimeOffset ReceivedAt { get; init; }

    [JsonIgnore]
    public string ConversationKey => Inbound.ConversationKey.For(BusinessId, Contact);

    public static byte[] SerializeToUtf8Bytes(InboundMessage message) =>
        JsonSerializer.SerializeToUtf8Bytes(message, InboundJsonContext.Default.InboundMessage);

    public static string Serialize(InboundMessage message) =>
        JsonSerializer.Serialize(message, InboundJsonContext.Default.InboundMessage);

    public static InboundMessage Deserialize(string json) =>
        JsonSerializer.Deserialize(json, InboundJsonContext.Default.InboundMessage)
        ?? throw new JsonException("An inbound message event was null.");

    public static InboundMessage Deserialize(ReadOnlySpan<byte> utf8Json) =>
        JsonSerializer.Deserialize(utf8Json, InboundJsonContext.Default.InboundMessage)
        ?? throw new JsonException("An inbound message event was null.");
}
