using System.Text.Json.Serialization;

namespace Assistant.Core.Businesses;

[JsonConverter(typeof(JsonStringEnumConverter<BusinessTone>))]
public enum BusinessTone
{
    /// <summary>Italian <c>Lei</c>; English neutral-polite.</summary>
    [JsonStringEnumMemberName("formal")]
    Formal,

    /// <summary>Italian <c>tu</c>; English warm.</summary>
    [JsonStringEnumMemberName("friendly")]
    Friendly,
}
