using System.Globalization;
using StackExchange.Redis;

namespace Assistant.Core.WhatsApp.Outbound;

/// <summary>The <c>out:{id}</c> hash: what happened to one outbound message.</summary>
public sealed record OutboundRecord
{
    public required string Id { get; init; }

    public string State { get; init; } = "";

    public string? Wamid { get; init; }

    public int Attempts { get; init; }

    public string? BusinessId { get; init; }

    public string? ConversationKey { get; init; }

    /// <summary>The queued message (JSON), so a status webhook can re-queue it.</summary>
    public string? Payload { get; init; }

    /// <summary>Raw lease value (unix ms) as stored: compared as a string by the begin-send check.</summary>
    public string LeaseRaw { get; init; } = "";

    public DateTimeOffset? LeaseUntil => long.TryParse(LeaseRaw, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null;

    public string? Owner { get; init; }

    /// <summary>When merged into another message's send: that message's id (which Meta echoes in statuses).</summary>
    public string? MergedInto { get; init; }

    /// <summary>On a merge leader: the ids sent with it, comma separated.</summary>
    public string? Members { get; init; }

    public string? LastError { get; init; }

    public string? ReplacedBy { get; init; }

    public IReadOnlyDictionary<string, string> Fields { get; init; } = new Dictionary<string, string>();

    public static OutboundRecord? From(string id, HashEntry[] entries)
    {
        if (entries.Length == 0)
        {
            return null;
        }

        var fields = entries.ToDictionary(e => (string)e.Name!, e => (string)e.Value!, StringComparer.Ordinal);
        return new OutboundRecord
        {
            Id = id,
            State = fields.GetValueOrDefault("state", ""),
            Wamid = Empty(fields.GetValueOrDefault("wamid")),
            Attempts = int.TryParse(fields.GetValueOrDefault("attempts"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var a) ? a : 0,
            BusinessId = fields.GetValueOrDefault("businessId"),
            ConversationKey = fields.GetValueOrDefault("conversationKey"),
            Payload = fields.GetValueOrDefault("payload"),
            LeaseRaw = fields.GetValueOrDefault("leaseUntil", ""),
            Owner = Empty(fields.GetValueOrDefault("owner")),
            MergedInto = Empty(fields.GetValueOrDefault("mergedInto")),
            Members = Empty(fields.GetValueOrDefault("members")),
            LastError = Empty(fields.GetValueOrDefault("lastError")),
            ReplacedBy = Empty(fields.GetValueOrDefault("replacedBy")),
            Fields = fields,
        };
    }

    private static string? Empty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}
