using System.Text.Json.Serialization;

namespace Assistant.Core.Conversations;

/// <summary>Who wrote a line of the thread. Notes are internal: the customer never sees them.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MessageAuthor>))]
public enum MessageAuthor
{
    [JsonStringEnumMemberName("customer")]
    Customer,

    [JsonStringEnumMemberName("bot")]
    Bot,

    [JsonStringEnumMemberName("agent")]
    Agent,

    [JsonStringEnumMemberName("note")]
    Note,

    /// <summary>A message the business sent from its own WhatsApp phone (an echo).</summary>
    [JsonStringEnumMemberName("business_phone")]
    BusinessPhone,
}
