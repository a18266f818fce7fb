using System.Text.Json.Serialization;

namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>The <c>status</c> of a message the business sent. A value Meta adds later becomes <see cref="Unknown"/> (the raw value stays in <see cref="DeliveryStatus.RawStatus"/>).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<DeliveryState>))]
public enum DeliveryState
{
    [JsonStringEnumMemberName("unknown")]
    Unknown,

    [JsonStringEnumMemberName("sent")]
    Sent,

    [JsonStringEnumMemberName("delivered")]
    Delivered,

    [JsonStringEnumMemberName("read")]
    Read,

    /// <summary>A voice message was played.</summary>
    [JsonStringEnumMemberName("played")]
    Played,

    [JsonStringEnumMemberName("failed")]
    Failed,

    [JsonStringEnumMemberName("deleted")]
    Deleted,
}
