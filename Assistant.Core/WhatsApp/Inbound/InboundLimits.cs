namespace Assistant.Core.WhatsApp.Inbound;

/// <summary>Bounds of the inbound streams and of de-duplication (the figures are explained in docs/inbound.md).</summary>
public static class InboundLimits
{
    /// <summary>Approximate MAXLEN of <c>wa:inbound</c>: days of traffic for many small businesses, ~1 GB of Redis at ~1 KB an entry.</summary>
    public const long InboundMaxLength = 1_000_000;

    /// <summary>Approximate MAXLEN of <c>wa:statuses</c> (each reply yields up to three statuses).</summary>
    public const long StatusesMaxLength = 1_000_000;

    /// <summary>Approximate MAXLEN of <c>wa:unrouted</c>: an operator's inbox, not a log.</summary>
    public const long UnroutedMaxLength = 100_000;

    /// <summary>Meta retries a failed delivery for up to 7 days; markers outlive that by a day.</summary>
    public static readonly TimeSpan DedupeTtl = TimeSpan.FromDays(8);

    /// <summary>Prefix of the SET NX markers: <c>wa:seen:m:{wamid}</c>, <c>wa:seen:e:{wamid}</c>, <c>wa:seen:s:{wamid}:{status}</c>, <c>wa:seen:u:{hash}</c>.</summary>
    public const string DedupePrefix = "wa:seen:";
}
