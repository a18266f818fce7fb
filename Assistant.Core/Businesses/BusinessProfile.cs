using System.Text.Json.Serialization;

namespace Assistant.Core.Businesses;

/// <summary><c>business.json</c> of a pack (CONTRACTS.md section 3).</summary>
public sealed record BusinessProfile
{
    /// <summary>Stable id, <c>[a-z0-9-]+</c>.</summary>
    public required string Id { get; init; }

    public required string Name { get; init; }

    /// <summary>The WhatsApp <c>phone_number_id</c> this business's messages arrive on.</summary>
    public required string PhoneNumberId { get; init; }

    /// <summary>IANA time zone, e.g. <c>Europe/Rome</c>.</summary>
    public required string Timezone { get; init; }

    /// <summary>Languages the business answers in; the first is the default.</summary>
    public required IReadOnlyList<string> Languages { get; init; }

    public string? DisplayPhoneNumber { get; init; }

    /// <summary><c>formal</c> (Lei) or <c>friendly</c> (tu).</summary>
    public BusinessTone Tone { get; init; } = BusinessTone.Formal;

    public HandoffPolicy Handoff { get; init; } = new();

    /// <summary>Sent when the 24-hour window is closed; without it the sender falls back to <c>Outbound:ReEngagementTemplates</c>.</summary>
    public ReEngagementTemplate? ReEngagementTemplate { get; init; }

    [JsonIgnore]
    public string DefaultLanguage => Languages.Count > 0 ? Languages[0] : "it";
}
