using System.Text.Json;

namespace Assistant.Core.Conversations;

/// <summary>The one JSON shape of the conversation records in Redis and on the admin API.</summary>
public static class ConversationJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"Empty {typeof(T).Name}.");
}
