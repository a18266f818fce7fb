using System.Text.Json.Serialization;

namespace Assistant.Core.Conversations;

/// <summary>Who answers the customer: the bot, or a person (after a hand-off or a take-over).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<ConversationState>))]
public enum ConversationState
{
    [JsonStringEnumMemberName("bot")]
    Bot,

    [JsonStringEnumMemberName("human")]
    Human,
}
