using System.Text.Json;

namespace Assistant.Tests.Llm;

/// <summary>A request a stand-in received, as it arrived on the wire.</summary>
public sealed record RecordedRequest(string Method, string Path, string? Authorization, string Body)
{
    public JsonElement Json => JsonDocument.Parse(Body).RootElement;

    public string Model => Json.GetProperty("model").GetString()!;

    /// <summary>The chat messages as (role, content) pairs, in order.</summary>
    public IReadOnlyList<(string Role, string Content)> Messages =>
        [.. Json.GetProperty("messages").EnumerateArray().Select(m => (m.GetProperty("role").GetString()!, m.GetProperty("content").GetString()!))];
}
