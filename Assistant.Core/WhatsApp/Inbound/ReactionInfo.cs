using System.Text.Json.Serialization;

namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>A reaction to <see cref="MessageId"/>. Meta signals a removed reaction with an empty or missing emoji.</summary>
public sealed record ReactionInfo
{
    public string? MessageId { get; init; }

    /// <summary>Null when the reaction was removed.</summary>
    public string? Emoji { get; init; }

    [JsonIgnore]
    public bool IsRemoval => string.IsNullOrEmpty(Emoji);
}
