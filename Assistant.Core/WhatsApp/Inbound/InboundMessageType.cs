using System.Text.Json.Serialization;

namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>The kind of an inbound message. Anything Meta sends that is not listed here becomes <see cref="Unsupported"/>.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<InboundMessageType>))]
public enum InboundMessageType
{
    [JsonStringEnumMemberName("unsupported")]
    Unsupported,

    [JsonStringEnumMemberName("text")]
    Text,

    [JsonStringEnumMemberName("image")]
    Image,

    /// <summary>Audio file or voice note (<see cref="MediaInfo.Voice"/>).</summary>
    [JsonStringEnumMemberName("audio")]
    Audio,

    [JsonStringEnumMemberName("video")]
    Video,

    [JsonStringEnumMemberName("document")]
    Document,

    [JsonStringEnumMemberName("sticker")]
    Sticker,

    [JsonStringEnumMemberName("location")]
    Location,

    /// <summary>Contact cards the user shared.</summary>
    [JsonStringEnumMemberName("contacts")]
    Contacts,

    /// <summary>A reply to an interactive message: button_reply, list_reply or nfm_reply (flow).</summary>
    [JsonStringEnumMemberName("interactive")]
    Interactive,

    /// <summary>A template quick-reply button.</summary>
    [JsonStringEnumMemberName("button")]
    Button,

    /// <summary>A reaction, or its removal (<see cref="ReactionInfo.IsRemoval"/>).</summary>
    [JsonStringEnumMemberName("reaction")]
    Reaction,

    [JsonStringEnumMemberName("order")]
    Order,

    /// <summary>user_changed_number or customer_identity_changed.</summary>
    [JsonStringEnumMemberName("system")]
    System,

    /// <summary>The user opened the chat for the first time (no text yet).</summary>
    [JsonStringEnumMemberName("request_welcome")]
    RequestWelcome,

    /// <summary>The user deleted an earlier message (<see cref="InboundMessage.OriginalMessageId"/>).</summary>
    [JsonStringEnumMemberName("revoke")]
    Revoke,

    /// <summary>The user edited an earlier message; the new content is in the usual fields.</summary>
    [JsonStringEnumMemberName("edit")]
    Edit,
}
