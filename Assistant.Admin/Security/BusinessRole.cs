using System.Text.Json.Serialization;

namespace Assistant.Admin.Security;

/// <summary>What a user may do in one business: an owner also manages it (profile, knowledge, users, audit, privacy).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<BusinessRole>))]
public enum BusinessRole
{
    [JsonStringEnumMemberName("agent")]
    Agent,

    [JsonStringEnumMemberName("owner")]
    Owner,
}
